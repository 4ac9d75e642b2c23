// Rows: bad values reported with row number and column and skipped (never
// abort), quoting, blank lines, unit-equivalent columns giving identical
// results, order kept with any number of threads and chunk size.
#include <doctest/doctest.h>

#include <sstream>

#include "support.hpp"

namespace lb::cohort {
namespace {

const std::string kHeader =
    "id,sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis,bilirubin[mg/dL],"
    "creatinine[mg/dL],lactate[mmol/L],inr,hepatic_encephalopathy_grade,platelets[10^9/L]\n";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

TEST_SUITE("cohort") {
  TEST_CASE("bad rows are reported with their row number and column and skipped") {
    const std::string csv = kHeader +
                            "A1,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n"             // row 2
                            "A2,male,50,175,7O,30,aclf,12,1.2,2.0,2.1,2,80\n"             // row 3
                            "\n"                                                          // row 4
                            "A3,male,50,175,700,30,aclf,12,1.2,2.0,2.1,2,80\n"            // row 5
                            "A4,male,50,175,70,30,aclf,12,1.2,2.0,2.1,5,80\n"             // row 6
                            "A5,male,50,175,70,30,acute,12,1.2,2.0,2.1,2,80\n"            // row 7
                            "A6,male,50,175,70,30,aclf,12,1.2\n"                          // row 8
                            "A7,,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n"                 // row 9
                            "\"A8,x\",male,50,175,70,30,aclf,\"1,5\",1.2,2.0,2.1,2,80\n"  // row 10
                            "A9,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,\"80\n";          // row 11
    const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    const auto problems = lines(r.problems);
    REQUIRE(problems.size() == 8);
    CHECK(problems[0] == "row 3: column 'weight[kg]': '7O' is not a number; row skipped");
    CHECK(problems[1] ==
          "row 5: column 'weight[kg]': 700 kg is implausible; expected 0.5\u2013500 kg; row "
          "skipped");
    CHECK(problems[2] ==
          "row 6: column 'hepatic_encephalopathy_grade': '5' is not a whole number from 0 to 4; "
          "row skipped");
    CHECK(problems[3] ==
          "row 7: column 'diagnosis': 'acute' is not one of alf, subacute_lf, aclf, chronic_lf, "
          "other; row skipped");
    CHECK(problems[4] == "row 8: has 9 fields, the header has 13; row skipped");
    CHECK(problems[5] == "row 9: column 'sex': empty; a value is required; row skipped");
    CHECK(problems[6] ==
          "row 10: column 'bilirubin[mg/dL]': '1,5' is not a number; write decimals with a "
          "point (e.g. 1.5) and no thousands separators; row skipped");
    CHECK(problems[7] == "row 11: field 13: a quoted value is not closed; row skipped");
    const Summary& s = *r.run.summary;
    CHECK(s.rows == 9);  // the blank line is not a patient
    CHECK(s.evaluated == 1);
    CHECK(s.skipped == 8);
    const auto out = lines(r.results);
    REQUIRE(out.size() == 2);
    CHECK(out[1].rfind("2,A1,", 0) == 0);
  }

  TEST_CASE("an unclosed quote does not swallow the rest of the file") {
    std::string csv = kHeader + "A1,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n" +
                      "\"A2,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
    for (int i = 0; i < 2000; ++i) csv += "B,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
    const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    // The open quote would run to the end of the file; past 64 KiB the record
    // is cut at its first line break and reported, and every later row counts.
    CHECK(lines(r.problems) ==
          std::vector<std::string>{"row 3: field 1: a quoted value is not closed; row skipped"});
    CHECK(r.run.summary->evaluated == 2001);
  }

  TEST_CASE("a stray quote costs its own row whatever follows it") {
    // Once, with less than 64 KiB after it, the quote made the rest of the file one record:
    // 99 of 100 patients were neither evaluated nor reported.
    std::string csv = kHeader + "\"A1,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
    for (int i = 0; i < 99; ++i) csv += "B,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
    const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    CHECK(lines(r.problems) ==
          std::vector<std::string>{"row 2: field 1: a quoted value is not closed; row skipped"});
    CHECK(r.run.summary->evaluated == 99);
    const auto out = lines(r.results);
    REQUIRE(out.size() == 100);
    CHECK(out[1].rfind("3,B,", 0) == 0);
    CHECK(out[99].rfind("101,B,", 0) == 0);
  }

  TEST_CASE("an over-long line is one skipped row and later rows keep their numbers") {
    // A line longer than the 256 KiB read block was cut into fake rows and shifted every
    // later row number, so results joined back to the wrong patients.
    for (const std::size_t length : {std::size_t{70000}, std::size_t{600000}}) {
      CAPTURE(length);
      std::string csv = kHeader + "A1,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
      csv += std::string(length, 'x') + "\n";                    // row 3
      csv += "A3,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";  // row 4
      csv += "\"" + std::string(length, ',') + "\n";             // row 5
      csv += "A5,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";  // row 6
      const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
      REQUIRE(r.run.summary.has_value());
      const std::string why = std::string(csv::kTooLongMessage) + "; row skipped";
      CHECK(lines(r.problems) == std::vector<std::string>{"row 3: " + why, "row 5: " + why});
      CHECK(r.run.summary->rows == 5);
      CHECK(r.run.summary->skipped == 2);
      const auto out = lines(r.results);
      REQUIRE(out.size() == 4);
      CHECK(out[1].rfind("2,A1,", 0) == 0);
      CHECK(out[2].rfind("4,A3,", 0) == 0);
      CHECK(out[3].rfind("6,A5,", 0) == 0);
    }
    // The last line, without a line break, over-long.
    const auto tail =
        test::run_on(kHeader + std::string(300000, 'y'), test::bundled("pe-aclf-plexar"));
    CHECK(lines(tail.problems).size() == 1);
  }

  TEST_CASE("a row that is not UTF-8 or holds a control character is skipped") {
    const std::string csv = kHeader + "Jos\xe9,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n" +
                            "A\xe2\x80\xa8"
                            "B,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n" +
                            "A3,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,80\n";
    const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    const auto problems = lines(r.problems);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "row 2: byte 4 is not valid UTF-8; save the file as UTF-8; row skipped");
    CHECK(problems[1].rfind("row 3: byte 2 is a control character (U+2028)", 0) == 0);
    CHECK(r.run.summary->evaluated == 1);
  }

  TEST_CASE("a value that overflows in the unit conversion is refused not met") {
    // 1e300 10^9/L is +inf per m³; infinity once met "platelets <= 20" and passed every bound.
    const std::string csv = kHeader + "A1,male,50,175,70,30,aclf,12,1.2,2.0,2.1,2,1e300\n";
    const auto r = test::run_on(csv, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    CHECK(lines(r.problems) ==
          std::vector<std::string>{"row 2: column 'platelets[10^9/L]': '1e300' is out of range "
                                   "(too large in this unit); row skipped"});
    CHECK(r.run.summary->evaluated == 0);
  }

  TEST_CASE("a quoted id with a comma and a quote comes back quoted") {
    const std::string csv =
        kHeader + "\"P \"\"7\"\", ward 3\",female,40,160,55,35,alf,5,1,1,2,1,90\n";
    const auto r = test::run_on(csv, test::bundled("hvp-alf-larsen-2016"));
    CHECK(r.problems.empty());
    const auto out = lines(r.results);
    REQUIRE(out.size() == 2);
    CHECK(out[1].rfind("2,\"P \"\"7\"\", ward 3\",", 0) == 0);
  }

  TEST_CASE("unit-equivalent columns give identical results") {
    // The same patients with labs in SI units, weight in lb, height in inches,
    // platelets in 10^3/uL and hematocrit as a fraction; values at the AARC
    // and MELD edges (15 and 25 mg/dL bilirubin = 256.5 and 427.5 umol/L).
    const std::string us =
        "id,sex,age[years],height[cm],weight[kg],hematocrit[%],diagnosis,bilirubin[mg/dL],"
        "creatinine[mg/dL],lactate[mmol/L],inr,hepatic_encephalopathy_grade,platelets[10^9/L],"
        "sodium[mmol/L],dialysis_sessions_last_week\n"
        "E1,male,45,177.8,81.6466266,30,aclf,15,1.5,2.5,1.8,2,20,130,0\n"
        "E2,female,60,152.4,54.4310844,25,aclf,25,0.7,1.5,2.5,3,50,137,1\n"
        "E3,male,38,190.5,99.7903214,40,alf,1,4,8,1,0,150,125,0\n";
    const std::string si =
        "id,sex,age[years],height[in],weight[lb],hematocrit,diagnosis,bilirubin[umol/L],"
        "creatinine[umol/L],lactate[mg/dL],inr,hepatic_encephalopathy_grade,platelets[10^3/uL],"
        "sodium[mEq/L],dialysis_sessions_last_week\n"
        "E1,male,45,70,180,0.30,aclf,256.5,132.6,22.5225225,1.8,2,20,130,0\n"
        "E2,female,60,60,120,0.25,aclf,427.5,61.88,13.5135135,2.5,3,50,137,1\n"
        "E3,male,38,75,220,0.40,alf,17.1,353.6,72.0720721,1,0,150,125,0\n";
    for (const std::string id :
         {"pe-aclf-plexar", "hvp-alf-larsen-2016", "tpe-standard-asfa-2023"}) {
      const protocol::Protocol p = test::bundled(id);
      const auto a = test::run_on(us, p);
      const auto b = test::run_on(si, p);
      INFO(id);
      CHECK(a.problems.empty());
      CHECK(b.problems.empty());
      CHECK(lines(a.results).size() == 4);
      CHECK(a.results == b.results);
    }
  }

  TEST_CASE("output order is the input order with any thread count and chunk size") {
    std::string csv = synthetic_header();
    for (std::uint64_t i = 0; i < 3000; ++i) append_synthetic_row(csv, 5, i);
    csv += "broken,row\n";
    const protocol::Protocol p = test::bundled("pe-aclf-plexar");
    Options one;
    one.threads = 1;
    one.chunk_rows = 4096;
    const auto reference = test::run_on(csv, p, one);
    REQUIRE(reference.run.summary.has_value());
    CHECK(reference.run.summary->rows == 3001);
    for (unsigned threads : {1U, 2U, 3U, 8U}) {
      for (std::size_t chunk : {1UL, 7UL, 256UL}) {
        Options o;
        o.threads = threads;
        o.chunk_rows = chunk;
        const auto r = test::run_on(csv, p, o);
        INFO(threads << " threads, chunks of " << chunk);
        CHECK(r.results == reference.results);
        CHECK(r.problems == reference.problems);
        CHECK(summary_text(*r.run.summary) == summary_text(*reference.run.summary));
      }
    }
    // Row numbers run on: the first result is row 2, the broken row is 3002.
    CHECK(lines(reference.results)[1].rfind("2,P0,", 0) == 0);
    CHECK(reference.problems.find("row 3002: has 2 fields") != std::string::npos);
  }

  TEST_CASE("the full-plan option gives the same file") {
    std::string csv = synthetic_header();
    for (std::uint64_t i = 0; i < 200; ++i) append_synthetic_row(csv, 9, i);
    const protocol::Protocol p = test::bundled("pe-lf-china-nbal-2016");
    Options full;
    full.full_plan = true;
    const auto a = test::run_on(csv, p);
    const auto b = test::run_on(csv, p, full);
    CHECK(a.results == b.results);
    CHECK(a.problems == b.problems);
  }

  TEST_CASE("a header-only file and an empty file") {
    const auto r = test::run_on(kHeader, test::bundled("pe-aclf-plexar"));
    REQUIRE(r.run.summary.has_value());
    CHECK(r.run.summary->rows == 0);
    CHECK(lines(r.results).size() == 1);
    const auto empty = test::run_on("", test::bundled("pe-aclf-plexar"));
    CHECK_FALSE(empty.run.summary.has_value());
    CHECK(empty.run.header_errors == std::vector<std::string>{"the file has no header row"});
  }
}

}  // namespace
}  // namespace lb::cohort
