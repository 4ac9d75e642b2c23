// parse_protocol and load_protocol_file: guarded YAML load, then one reader
// per section (protocol/loader/), every problem collected as a diagnostic.
#include "protocol/protocol_loader.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "protocol/loader/sections.hpp"
#include "yaml/guarded_load.hpp"
#include "yaml/map_reader.hpp"

namespace lb::protocol {

namespace {

void read_all(const YAML::Node& root, const std::string& file, Protocol& p,
              diag::Diagnostics& diags) {
  yaml::MapReader top(root, file, "", diags);
  if (!detail::read_schema_version(top, p)) return;
  detail::read_identity(top, p);
  const bool sources_ok = detail::read_sources(top, p.sources);
  detail::read_indications(top, p.indications);
  detail::read_unverified(top, root, p.unverified);
  detail::read_blood_volume(top, p.blood_volume, p.unverified);
  detail::read_plasma_volume(top, p.plasma_volume, p.unverified);
  detail::read_ideal_body_weight(top, p.ideal_body_weight);
  detail::read_exchange(top, p.exchange, sources_ok ? &p.sources : nullptr);
  detail::read_eligibility(top, p.eligibility, sources_ok ? &p.sources : nullptr);
  detail::read_scores(top, p.scores);
  const auto* known_sources = sources_ok ? &p.sources : nullptr;
  detail::read_replacement(top, p.session.replacement, known_sources);
  detail::read_separation(top, p.session.separation, known_sources);
  detail::read_anticoagulation(top, p.session.anticoagulation, p.session.separation, known_sources);
  detail::read_schedule(top, p.schedule, known_sources);
  detail::read_kinetics(top, p.kinetics, known_sources);
  detail::reject_unsupported_sections(top);
  top.finish();
}

/// Diagnostics in file order, so that they read top to bottom.
diag::Diagnostics in_file_order(const diag::Diagnostics& diags) {
  diag::Diagnostics out;
  for (auto& d : diags.sorted()) out.add(std::move(d));
  return out;
}

}  // namespace

ProtocolLoad parse_protocol(std::string_view text, const std::string& file) {
  ProtocolLoad out;
  out.text = std::string(text);
  out.file = file;
  diag::Diagnostics diags;
  try {
    if (auto root = yaml::guarded_load(text, file, diags)) {
      Protocol p;
      read_all(*root, file, p, diags);
      if (!diags.has_errors()) out.protocol = std::move(p);
    }
  } catch (const std::exception& e) {
    // Not expected for any input; reported rather than thrown so that one bad
    // file never takes the program down.
    diags.error({file, 0, 0}, "",
                std::string("internal error while reading the protocol: ") + e.what());
    out.protocol.reset();
  }
  out.diagnostics = in_file_order(diags);
  return out;
}

ProtocolLoad load_protocol_file(const std::string& path) {
  ProtocolLoad out;
  out.file = path;
  const yaml::Limits limits;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    out.diagnostics.error({path, 0, 0}, "", "cannot open file: no such file");
    return out;
  }
  if (!std::filesystem::is_regular_file(status)) {
    out.diagnostics.error({path, 0, 0}, "", "cannot open file: not a regular file");
    return out;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes) {
    out.diagnostics.error({path, 0, 0}, "",
                          "file is " + std::to_string(size) + " bytes; the limit is " +
                              std::to_string(limits.max_bytes) + " bytes");
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.diagnostics.error({path, 0, 0}, "", "cannot open file for reading");
    return out;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    out.diagnostics.error({path, 0, 0}, "", "error while reading the file");
    return out;
  }
  return parse_protocol(buffer.str(), path);
}

}  // namespace lb::protocol
