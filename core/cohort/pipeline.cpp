// run_cohort: the reader (the calling thread) cuts the input into chunks of
// whole records; worker threads parse, evaluate and format each chunk into
// its own output buffer; the reader writes finished chunks in input order.
// A fixed ring of chunk slots bounds the memory whatever the file size.
#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <exception>
#include <istream>
#include <mutex>
#include <ostream>
#include <thread>

#include "cohort/cohort.hpp"
#include "cohort/columns.hpp"
#include "cohort/csv.hpp"
#include "cohort/evaluate.hpp"
#include "cohort/result_row.hpp"
#include "cohort/row_parser.hpp"

namespace lb::cohort {

namespace {

constexpr std::size_t kReadBlock = 1 << 18;  // bytes read from the input at a time
/// No patient row comes near this; a longer line is not a patient (or not a
/// CSV at all). It is skipped to its line break without being kept, and
/// reported as one bad row, so memory stays bounded and every later row keeps
/// its number (its line number).
constexpr std::size_t kMaxRecordBytes = 1 << 16;

struct Chunk {
  std::string text;                   ///< whole records
  std::vector<std::size_t> ends;      ///< end offset of each record in `text`
  std::vector<std::size_t> overlong;  ///< indices of records skipped as too long (empty text)
  std::size_t first_row = 0;          ///< row number of the first record
  std::string out;                    ///< result lines
  std::string problems;               ///< "row N: ...; row skipped" lines
  Summary tally;
  bool done = false;
};

/// Reads whole records from the input, a chunk at a time.
class RecordReader {
 public:
  explicit RecordReader(std::istream& in) : in_(in) {}

  /// Moves up to `max_records` complete records (lines) into `text`/`ends`; a line
  /// longer than kMaxRecordBytes is dropped and listed in `overlong` as an empty record.
  /// Returns false when the input is exhausted and nothing was read.
  bool fill(std::string& text, std::vector<std::size_t>& ends, std::vector<std::size_t>& overlong,
            std::size_t max_records) {
    text.swap(carry_);
    carry_.clear();
    ends.clear();
    overlong.clear();
    std::size_t start = 0;
    while (ends.size() < max_records) {
      const std::size_t end = csv::record_end(text, start);
      if (end != csv::kIncomplete && end - start <= kMaxRecordBytes) {
        ends.push_back(end);
        start = end;
        continue;
      }
      if (end != csv::kIncomplete || text.size() - start > kMaxRecordBytes) {
        skip_line(text, start, end);
        overlong.push_back(ends.size());
        ends.push_back(start);
        continue;
      }
      if (eof_) {
        if (start < text.size()) {  // a last record without a line break
          ends.push_back(text.size());
          start = text.size();
        }
        break;
      }
      read_more(text);
    }
    carry_.assign(text, start, std::string::npos);
    text.resize(start);
    return !ends.empty();
  }

 private:
  /// Drops the line starting at `start` (ending at `end`, or later in the input when
  /// kIncomplete): it is one row, however many read blocks it spans.
  void skip_line(std::string& text, std::size_t start, std::size_t end) {
    while (end == csv::kIncomplete) {
      text.resize(start);
      if (eof_) return;
      read_more(text);
      end = csv::record_end(text, start);
    }
    text.erase(start, end - start);
  }

  void read_more(std::string& text) {
    const std::size_t old = text.size();
    text.resize(old + kReadBlock);
    in_.read(text.data() + old, static_cast<std::streamsize>(kReadBlock));
    text.resize(old + static_cast<std::size_t>(in_.gcount()));
    if (!in_) eof_ = true;
  }

  std::istream& in_;
  std::string carry_;
  bool eof_ = false;
};

/// Per-worker scratch, reused for every row: no allocation per row.
struct Scratch {
  std::vector<std::string_view> fields;
  std::string unquoted;
  std::string error;
  patient::Patient patient;
  RowResult result;
};

void process(Chunk& c, const Header& header, const Evaluator& evaluator, const Options& options,
             Scratch& s) {
  c.out.clear();
  c.problems.clear();
  c.tally = Summary{};
  std::size_t begin = 0;
  std::size_t next_overlong = 0;
  for (std::size_t i = 0; i < c.ends.size(); ++i) {
    const std::string_view record(c.text.data() + begin, c.ends[i] - begin);
    begin = c.ends[i];
    const std::size_t row = c.first_row + i;
    const bool too_long = next_overlong < c.overlong.size() && c.overlong[next_overlong] == i;
    if (too_long) ++next_overlong;
    if (!too_long && csv::is_blank(record)) continue;
    ++c.tally.rows;
    const auto skip = [&](std::string_view why) {
      ++c.tally.skipped;
      c.problems += options.problem_prefix;
      c.problems += "row " + std::to_string(row) + ": ";
      c.problems += why;
      c.problems += "; row skipped\n";
    };
    if (too_long) {
      skip(csv::kTooLongMessage);
      continue;
    }
    if (const std::string bad = csv::text_problem(record); !bad.empty()) {
      skip(bad);
      continue;
    }
    if (!csv::split(record, s.fields, s.unquoted, s.error)) {
      skip(s.error);
      continue;
    }
    if (!parse_row(header, s.fields, s.patient, s.error)) {
      skip(s.error);
      continue;
    }
    bool planned = false;
    try {
      planned = options.full_plan ? evaluator.evaluate_full(s.patient, s.result)
                                  : evaluator.evaluate(s.patient, s.result);
    } catch (const std::exception& e) {  // a bug, not the data: report it, keep going
      s.result.plan_error = std::string("internal error: ") + e.what();
    }
    if (!planned) {
      ++c.tally.not_planned;
      c.problems += options.problem_prefix + "row " + std::to_string(row) + ": " +
                    s.result.plan_error + "; row skipped\n";
      continue;
    }
    c.tally.add(s.result.verdict, s.result.exchange, s.result.ffp_units);
    append_result(c.out, row, s.patient, s.result, evaluator);
  }
}

/// The work queue shared by the reader and the workers.
struct Queue {
  std::mutex mutex;
  std::condition_variable work;  ///< a chunk was queued, or the input ended
  std::condition_variable done;  ///< a chunk was finished
  std::deque<Chunk*> pending;
  bool closed = false;
};

}  // namespace

RunResult run_cohort(std::istream& in, std::ostream& out, std::ostream& problems,
                     const plan::PreparedProtocol& protocol, const Options& options) {
  RunResult run;
  RecordReader reader(in);

  // The header: the first non-blank record.
  std::string text;
  std::vector<std::size_t> ends;
  std::vector<std::size_t> overlong;
  std::size_t row = 0;
  std::optional<Header> header;
  {
    std::vector<std::string_view> cells;
    std::string scratch, error;
    while (!header && run.header_errors.empty() && reader.fill(text, ends, overlong, 1)) {
      ++row;
      if (!overlong.empty()) {
        run.header_errors.push_back("header (row " + std::to_string(row) +
                                    "): " + csv::kTooLongMessage);
        break;
      }
      if (csv::is_blank(text)) continue;
      if (const std::string bad = csv::text_problem(text); !bad.empty()) {
        run.header_errors.push_back("header (row " + std::to_string(row) + "): " + bad);
        break;
      }
      if (!csv::split(text, cells, scratch, error)) {
        run.header_errors.push_back("header (row " + std::to_string(row) + "): " + error);
        break;
      }
      run.header_row = row;
      header = parse_header(cells, run.header_errors);
    }
    if (!header) {
      if (run.header_errors.empty()) run.header_errors.emplace_back("the file has no header row");
      return run;
    }
  }

  const Evaluator evaluator(protocol);
  out << result_header(evaluator);
  Summary summary;

  const unsigned workers = std::max(1U, options.threads);
  const std::size_t chunk_rows = std::max<std::size_t>(1, options.chunk_rows);
  std::vector<Chunk> slots(2 * static_cast<std::size_t>(workers) + 1);
  Queue q;

  std::vector<std::thread> threads;
  threads.reserve(workers);
  for (unsigned w = 0; w < workers; ++w) {
    threads.emplace_back([&] {
      Scratch s;
      while (true) {
        Chunk* c = nullptr;
        {
          std::unique_lock lock(q.mutex);
          q.work.wait(lock, [&] { return q.closed || !q.pending.empty(); });
          if (q.pending.empty()) return;
          c = q.pending.front();
          q.pending.pop_front();
        }
        process(*c, *header, evaluator, options, s);
        {
          const std::lock_guard lock(q.mutex);
          c->done = true;
        }
        q.done.notify_all();
      }
    });
  }

  std::size_t filled = 0, written = 0;
  bool input_left = true;
  while (true) {
    while (input_left && filled - written < slots.size()) {
      Chunk& c = slots[filled % slots.size()];
      if (!reader.fill(c.text, c.ends, c.overlong, chunk_rows)) {
        input_left = false;
        break;
      }
      c.first_row = row + 1;
      row += c.ends.size();
      {
        const std::lock_guard lock(q.mutex);
        c.done = false;
        q.pending.push_back(&c);
      }
      q.work.notify_one();
      ++filled;
    }
    if (written == filled) break;
    Chunk& c = slots[written % slots.size()];
    {
      std::unique_lock lock(q.mutex);
      q.done.wait(lock, [&] { return c.done; });
    }
    out.write(c.out.data(), static_cast<std::streamsize>(c.out.size()));
    problems.write(c.problems.data(), static_cast<std::streamsize>(c.problems.size()));
    summary.merge(c.tally);
    ++written;
  }
  {
    const std::lock_guard lock(q.mutex);
    q.closed = true;
  }
  q.work.notify_all();
  for (auto& t : threads) t.join();
  out.flush();
  run.summary = std::move(summary);
  return run;
}

}  // namespace lb::cohort
