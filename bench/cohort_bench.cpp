// Cohort benchmark (issue 4): a synthetic cohort of 1,000,000 patients
// through the whole pipeline — read the CSV file, parse, score, decide,
// plan, write the results file — timed end to end, printed as patients per
// second. Not run by ctest; scripts/bench builds it (Release) and runs it.
//
//   cohort_bench [--patients N] [--threads N] [--protocol ID|FILE] [--limit SECONDS]
//
// Exits 1 when the run takes longer than --limit (default 2 s).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "cohort/cohort.hpp"
#include "cohort/synthetic.hpp"
#include "protocol/protocol_loader.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Args {
  std::uint64_t patients = 1'000'000;
  unsigned threads = 2;
  std::string protocol = "pe-aclf-plexar";
  double limit = 2.0;
};

bool parse_args(int argc, char** argv, Args& a) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 >= argc) return false;
    const char* value = argv[++i];
    if (arg == "--patients") {
      a.patients = std::strtoull(value, nullptr, 10);
    } else if (arg == "--threads") {
      a.threads = static_cast<unsigned>(std::strtoul(value, nullptr, 10));
    } else if (arg == "--protocol") {
      a.protocol = value;
    } else if (arg == "--limit") {
      a.limit = std::strtod(value, nullptr);
    } else {
      return false;
    }
  }
  return a.patients > 0 && a.threads > 0;
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  if (!parse_args(argc, argv, args)) {
    std::cerr << "usage: cohort_bench [--patients N] [--threads N] [--protocol ID|FILE] "
                 "[--limit SECONDS]\n";
    return 2;
  }
  const auto loaded = lb::protocol::resolve_protocol(args.protocol, LB_BUNDLED_PROTOCOLS_DIR);
  if (!loaded.protocol) {
    for (const auto& d : loaded.diagnostics.sorted()) std::cerr << lb::diag::format(d) << "\n";
    return 2;
  }

  // The input file (not timed): generated in blocks, written once.
  const auto dir = std::filesystem::temp_directory_path();
  const auto input = dir / ("lb-cohort-bench-" + std::to_string(::getpid()) + ".csv");
  const auto output = dir / ("lb-cohort-bench-" + std::to_string(::getpid()) + "-out.csv");
  {
    const auto start = Clock::now();
    std::ofstream csv(input, std::ios::binary);
    std::string block = lb::cohort::synthetic_header();
    for (std::uint64_t i = 0; i < args.patients; ++i) {
      lb::cohort::append_synthetic_row(block, 2026, i);
      if (block.size() > (1U << 20)) {
        csv.write(block.data(), static_cast<std::streamsize>(block.size()));
        block.clear();
      }
    }
    csv.write(block.data(), static_cast<std::streamsize>(block.size()));
    std::printf("generated %llu patients (%.1f MB) in %.2f s\n",
                static_cast<unsigned long long>(args.patients),
                static_cast<double>(std::filesystem::file_size(input)) / 1e6, seconds_since(start));
  }

  // The timed run: file in, results file out, as `liverbridge cohort --out`.
  lb::cohort::Options options;
  options.threads = args.threads;
  const auto start = Clock::now();
  const std::clock_t cpu_start = std::clock();
  std::optional<lb::cohort::Summary> summary;
  {
    std::ifstream in(input, std::ios::binary);
    std::ofstream out(output, std::ios::binary);
    std::ofstream problems("/dev/null");
    summary = lb::cohort::run_cohort(in, out, problems, lb::plan::prepare_protocol(loaded), options)
                  .summary;
  }
  const double elapsed = seconds_since(start);
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const auto out_bytes = std::filesystem::file_size(output);
  std::filesystem::remove(input);
  std::filesystem::remove(output);
  if (!summary) {
    std::cerr << "cohort_bench: the synthetic header was refused\n";
    return 2;
  }

  std::printf("protocol %s, %u threads\n", loaded.protocol->id.c_str(), args.threads);
  std::printf("%s", lb::cohort::summary_text(*summary).c_str());
  std::printf("results: %.1f MB\n", static_cast<double>(out_bytes) / 1e6);
  std::printf("end to end: %.3f s, %.0f patients/second (CPU time of all threads: %.3f s)\n",
              elapsed, static_cast<double>(args.patients) / elapsed, cpu);
  if (elapsed > args.limit) {
    std::printf("SLOWER than the %.1f s limit\n", args.limit);
    return 1;
  }
  return 0;
}
