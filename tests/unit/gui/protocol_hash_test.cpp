// The protocol panel shows the SHA-256 of the text as edited. It is remembered between frames,
// so it must follow every change of the text, including edits that bypass the editor's callback.
#include <doctest/doctest.h>

#include "gui/app_state.hpp"
#include "io/sha256.hpp"

namespace lb::gui {

TEST_CASE("protocol panel hash follows the text as edited") {
  ProtocolEntry e;
  e.text = "id: a\n";
  CHECK(text_sha256(e) == io::sha256_hex("id: a\n"));
  e.text = "id: b\n";  // as the editor's InputTextMultiline writes it
  CHECK(text_sha256(e) == io::sha256_hex("id: b\n"));
  e.text.clear();
  CHECK(text_sha256(e) == io::sha256_hex(""));
  CHECK(text_sha256(e) != io::sha256_hex("id: b\n"));
}

}  // namespace lb::gui
