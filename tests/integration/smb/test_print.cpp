// LPT1: redirected to the print share: jobs through smbc_open_print_job.
#include "smb_env.hpp"

#include <doctest/doctest.h>

using namespace smbtest;

TEST_CASE("a job written to LPT1: arrives in the spool; an unfinished one blocks a non-forced cancel") {
  Server s = fixture_server();
  Home h(s);
  CHECK(add("LPT1:", "\\\\files\\public", nullptr, nullptr, RESOURCETYPE_PRINT) == WN_BAD_DEV_TYPE);
  REQUIRE(add("LPT1:", "\\\\files\\laser", nullptr, nullptr, RESOURCETYPE_PRINT) == WN_SUCCESS);
  auto before = files_in(s.dir + "/spool");
  npemu_file* job = nullptr;
  REQUIRE(npemu_print_open(L"LPT1:", L"report", &job) == WN_SUCCESS);
  DWORD put = 0;
  CHECK(npemu_write(job, "page one\n", 9, &put) == WN_SUCCESS);
  CHECK(cancel("LPT1:", false) == WN_OPEN_FILES);
  CHECK(last_error_text().find("print job") != std::string::npos);
  CHECK(npemu_close(job) == WN_SUCCESS);
  auto after = files_in(s.dir + "/spool");
  REQUIRE(after.size() == before.size() + 1);
  bool found = false;
  for (const auto& f : after) found = found || slurp(f) == "page one\n";
  CHECK(found);
  CHECK(cancel("LPT1:", false) == WN_SUCCESS);
  CHECK(add("Z:", "\\\\files\\public", nullptr, nullptr) != WN_SUCCESS);  // drives are not smb's
}
