// The malformed-protocol corpus (tests/data/malformed/protocol/*.yaml): every
// file is rejected without an exception and with each expected diagnostic.
#include <doctest/doctest.h>

#include "corpus_expectations.hpp"
#include "protocol/protocol_loader.hpp"

using namespace lb;

TEST_SUITE("protocol") {
  TEST_CASE("malformed protocol corpus: each file gives its expected errors and no protocol") {
    const std::filesystem::path dir = std::string(LB_TEST_DATA_DIR) + "/malformed/protocol";
    const auto files = lb::testing::corpus_files(dir);
    CHECK(files.size() >= 22);
    for (const auto& file : files) {
      const std::string text = lb::testing::slurp(file);
      protocol::ProtocolLoad load;
      CHECK_NOTHROW(load = protocol::parse_protocol(text, file.string()));
      CHECK_MESSAGE(!load.protocol.has_value(), file.string());
      lb::testing::check_expectations(file, lb::testing::read_expectations(text), load.diagnostics);
    }
  }
}
