// list_protocols and resolve_protocol: finding protocols by id in a folder
// (the bundled protocols/ or a site folder).
#include <algorithm>
#include <filesystem>

#include "protocol/loader/fields.hpp"
#include "protocol/protocol_loader.hpp"
#include "text/did_you_mean.hpp"

namespace lb::protocol {

namespace fs = std::filesystem;

namespace {

std::vector<fs::path> yaml_files(const std::string& dir, diag::Diagnostics& problems) {
  std::vector<fs::path> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problems.error({dir, 0, 0}, "", "protocol folder not found (or not a folder)");
    return files;
  }
  fs::directory_iterator it(dir, ec);
  if (ec) {
    problems.error({dir, 0, 0}, "", "cannot read the protocol folder: " + ec.message());
    return files;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    std::error_code type_ec;
    if (it->path().extension() == ".yaml" && it->is_regular_file(type_ec)) {
      files.push_back(it->path());
    }
  }
  if (ec) problems.error({dir, 0, 0}, "", "cannot read the protocol folder: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::vector<BundledProtocol> list_protocols(const std::string& dir, diag::Diagnostics& problems) {
  std::vector<BundledProtocol> out;
  for (const auto& file : yaml_files(dir, problems)) {
    ProtocolLoad load = load_protocol_file(file.string());
    if (!load.protocol) {
      for (const auto& d : load.diagnostics.items()) problems.add(d);
      continue;
    }
    const Protocol& p = *load.protocol;
    const auto same = std::find_if(out.begin(), out.end(),
                                   [&](const BundledProtocol& b) { return b.id == p.id; });
    if (same != out.end()) {
      problems.error({file.string(), 0, 0}, "id",
                     "protocol id '" + p.id + "' is also used by " + same->path +
                         "; this file is skipped (ids must be unique within a folder)");
      continue;
    }
    out.push_back(BundledProtocol{p.id, p.version, p.title, file.string()});
  }
  std::sort(out.begin(), out.end(),
            [](const BundledProtocol& a, const BundledProtocol& b) { return a.id < b.id; });
  return out;
}

ProtocolLoad resolve_protocol(const std::string& ref, const std::string& dir) {
  std::error_code ec;
  if (!ref.empty() && fs::exists(ref, ec)) return load_protocol_file(ref);

  ProtocolLoad out;
  out.file = ref;
  if (ref.empty()) {
    out.diagnostics.error({}, "", "no protocol given; expected a protocol file or id");
    return out;
  }
  const bool looks_like_path = ref.find('/') != std::string::npos ||
                               fs::path(ref).extension() == ".yaml" ||
                               fs::path(ref).extension() == ".yml";
  if (looks_like_path) {
    out.diagnostics.error({ref, 0, 0}, "", "cannot open file: no such file");
    return out;
  }

  diag::Diagnostics problems;
  const auto available = list_protocols(dir, problems);
  for (const auto& b : available) {
    if (b.id == ref) return load_protocol_file(b.path);
  }
  std::vector<std::string> ids;
  for (const auto& b : available) ids.push_back(b.id);
  std::string message = "'" + ref + "' is neither a file nor the id of a protocol in " + dir;
  message += ids.empty()
                 ? std::string("; no protocols found there")
                 : "; available ids: " + detail::joined(ids) + text::did_you_mean_suffix(ref, ids);
  out.diagnostics.error({ref, 0, 0}, "", message);
  // Files that could not be read may hold the protocol meant: say so.
  std::vector<std::string> skipped;
  for (const auto& d : problems.items()) {
    if (d.severity == diag::Severity::error && d.where.file != dir &&
        std::find(skipped.begin(), skipped.end(), d.where.file) == skipped.end()) {
      skipped.push_back(d.where.file);
    }
  }
  for (const auto& file : skipped) {
    out.diagnostics.note(
        {file, 0, 0}, "",
        "skipped: this file has errors (check it with 'liverbridge validate " + file + "')");
  }
  return out;
}

}  // namespace lb::protocol
