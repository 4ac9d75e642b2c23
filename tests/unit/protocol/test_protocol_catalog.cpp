// Finding protocols: list a folder sorted by id, resolve a file path or an id.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "protocol/protocol_loader.hpp"
#include "protocol_test_support.hpp"

using namespace lb;
namespace fs = std::filesystem;

namespace {

const std::string kDir = LB_BUNDLED_PROTOCOLS_DIR;

/// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  explicit TempDir(const std::string& name) {
    path = fs::temp_directory_path() / ("lb-protocol-test-" + name);
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

std::string protocol_with_id(const std::string& id) {
  std::string text = lb::testing::minimal_protocol();
  text.replace(text.find("test-protocol"), 13, id);
  return text;
}

}  // namespace

TEST_SUITE("protocol") {
  TEST_CASE("list_protocols: the bundled folder sorted by id") {
    diag::Diagnostics problems;
    const auto list = protocol::list_protocols(kDir, problems);
    CHECK(problems.empty());
    std::vector<std::string> ids;
    for (const auto& b : list) {
      ids.push_back(b.id);
      CHECK_FALSE(b.title.empty());
      // 1.3.0: the two Chinese protocols read INR off the predicted prothrombin activity.
      const bool chinese = b.id == "dpmas-half-pe" || b.id == "pe-lf-china-nbal-2016";
      CHECK(b.version == (chinese ? "1.3.0" : "1.2.0"));
    }
    CHECK(ids == std::vector<std::string>{"dpmas-half-pe", "hvp-alf-larsen-2016",
                                          "pe-aclf-apache-pe-a5", "pe-aclf-plexar",
                                          "pe-lf-china-nbal-2016", "tpe-standard-asfa-2023"});
  }

  TEST_CASE("list_protocols: broken files and duplicate ids are skipped and reported") {
    TempDir dir("list");
    dir.write("b.yaml", protocol_with_id("zeta"));
    dir.write("a.yaml", protocol_with_id("alpha"));
    dir.write("c.yaml", protocol_with_id("alpha"));  // same id as a.yaml
    dir.write("broken.yaml", "schema_version: 1\nid: [\n");
    dir.write("notes.txt", "not a protocol");
    diag::Diagnostics problems;
    const auto list = protocol::list_protocols(dir.path.string(), problems);
    REQUIRE(list.size() == 2);
    CHECK(list[0].id == "alpha");
    CHECK(list[0].path == (dir.path / "a.yaml").string());
    CHECK(list[1].id == "zeta");
    CHECK(lb::testing::has_error(problems, "protocol id 'alpha' is also used by"));
    CHECK(lb::testing::has_error(problems, "broken.yaml:3:1: error: malformed YAML"));
  }

  TEST_CASE("list_protocols: a missing folder is a problem not an exception") {
    diag::Diagnostics problems;
    CHECK(protocol::list_protocols("/nonexistent/lb-protocols", problems).empty());
    CHECK(lb::testing::has_error(problems, "protocol folder not found"));
  }

  TEST_CASE("resolve_protocol: by id by path and unknown ids with suggestions") {
    auto by_id = protocol::resolve_protocol("tpe-standard-asfa-2023", kDir);
    REQUIRE(by_id.protocol.has_value());
    CHECK(by_id.protocol->id == "tpe-standard-asfa-2023");
    CHECK(by_id.file == kDir + "/tpe-standard-asfa-2023.yaml");
    CHECK_FALSE(by_id.text.empty());

    auto by_path = protocol::resolve_protocol(kDir + "/pe-aclf-plexar.yaml", "/nonexistent");
    REQUIRE(by_path.protocol.has_value());
    CHECK(by_path.protocol->id == "pe-aclf-plexar");

    auto unknown = protocol::resolve_protocol("hvp-alf-larsen-2061", kDir);
    CHECK_FALSE(unknown.protocol.has_value());
    CHECK(lb::testing::has_error(
        unknown.diagnostics,
        "'hvp-alf-larsen-2061' is neither a file nor the id of a protocol in " + kDir +
            "; available ids: dpmas-half-pe, hvp-alf-larsen-2016, pe-aclf-apache-pe-a5, "
            "pe-aclf-plexar, pe-lf-china-nbal-2016, tpe-standard-asfa-2023 (did you mean "
            "'hvp-alf-larsen-2016'?)"));

    auto missing_file = protocol::resolve_protocol("nowhere/p.yaml", kDir);
    CHECK(lb::testing::has_error(missing_file.diagnostics, "cannot open file: no such file"));
    CHECK(lb::testing::has_error(protocol::resolve_protocol("", kDir).diagnostics,
                                 "no protocol given"));
  }

  TEST_CASE("resolve_protocol: an unknown id mentions files that could not be read") {
    TempDir dir("resolve");
    dir.write("good.yaml", protocol_with_id("good"));
    dir.write("bad.yaml", "schema_version: 1\nid: bad\n");
    auto load = protocol::resolve_protocol("bad", dir.path.string());
    CHECK_FALSE(load.protocol.has_value());
    CHECK(lb::testing::has_error(load.diagnostics, "available ids: good"));
    bool noted = false;
    for (const auto& d : load.diagnostics.items()) {
      noted |= d.severity == diag::Severity::note && d.where.file.ends_with("bad.yaml");
    }
    CHECK(noted);
  }

  TEST_CASE("load_protocol_file: missing files folders and oversized files") {
    CHECK(lb::testing::has_error(protocol::load_protocol_file("/nonexistent.yaml").diagnostics,
                                 "no such file"));
    CHECK(lb::testing::has_error(protocol::load_protocol_file(kDir).diagnostics,
                                 "not a regular file"));
    TempDir dir("big");
    dir.write("big.yaml", "# " + std::string(1024 * 1024 + 10, 'x') + "\n");
    auto big = protocol::load_protocol_file((dir.path / "big.yaml").string());
    CHECK(lb::testing::has_error(big.diagnostics, "the limit is 1048576 bytes"));
    CHECK(big.text.empty());
  }
}
