// Named points in a change where a test makes this process stop dead (as a crash
// or a kill would) or wait, the way SQLite's own harness injects faults. Compiled
// in only with the CMake option NPEMU_TEST_POINTS (on in the test presets, off in a
// release build); without it test_point() is nothing.
//
//   NPEMU_TEST_POINT=add.after_side_effect           _exit(86) there
//   NPEMU_TEST_POINT=cancel.after_scan:pause         create DIR/<name>.paused, then wait
//   NPEMU_TEST_POINT_DIR=DIR                         until DIR/<name>.go exists (at most 60 s)
//
// The points, in the order a change passes them (docs/decisions.md, "A change and its
// side effect"):
//   add.after_side_effect  the drive link / mount / session exists, its row is not committed
//   add.before_commit      inside the insert's transaction
//   add.after_commit       the row is committed, the device lock still held
//   cancel.after_scan      a plain cancel's holder scan is done, nothing locked
//   cancel.before_commit   inside the transaction that drops the rows
//   cancel.after_commit    the rows are gone, the side effect not yet torn down
//   cancel.after_teardown  the side effect is gone, the device lock still held
#pragma once

namespace npemu {

#ifdef NPEMU_TEST_POINTS
void test_point(const char* name);
#else
inline void test_point(const char*) {}
#endif

}  // namespace npemu
