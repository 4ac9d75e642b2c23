// liverbridge: entry point. Any exception that escapes is a bug, reported as
// such with exit code 3 — never a crash, never a silent partial result.
#include <exception>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"

int main(int argc, char** argv) {
  try {
    return lb::cli::run_command_line(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "liverbridge: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "liverbridge: internal error\n";
  }
  return lb::cli::kExitInternal;
}
