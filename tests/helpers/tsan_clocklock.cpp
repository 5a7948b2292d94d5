// Linked into the test programs of the tsan preset only (tests/CMakeLists.txt).
// std::timed_mutex::try_lock_until(steady_clock) is pthread_mutex_clocklock in
// glibc 2.30+, which the ThreadSanitizer of GCC 12 and Clang 14 does not intercept:
// it never sees the lock taken, reports the unlock as "unlock of an unlocked
// mutex" and misses the ordering the mutex gives. This definition preempts glibc's
// and waits through pthread_mutex_timedlock, which TSan does intercept, with the
// same deadline moved to CLOCK_REALTIME; visible, so that libnpemu.so binds to it.
// (A suppression would hide the report but leave TSan blind to the mutex.)
#include <pthread.h>
#include <time.h>

extern "C" __attribute__((visibility("default"))) int pthread_mutex_clocklock(pthread_mutex_t* mutex, clockid_t clock,
                                                                           const struct timespec* abstime) {
  if (clock == CLOCK_REALTIME) return pthread_mutex_timedlock(mutex, abstime);
  timespec now{}, wall{};
  clock_gettime(clock, &now);
  clock_gettime(CLOCK_REALTIME, &wall);
  long long left_ns = (static_cast<long long>(abstime->tv_sec) - now.tv_sec) * 1000000000LL +
                      (abstime->tv_nsec - now.tv_nsec);
  if (left_ns < 0) left_ns = 0;
  long long at_ns = static_cast<long long>(wall.tv_nsec) + left_ns % 1000000000LL;
  timespec deadline{};
  deadline.tv_sec = wall.tv_sec + static_cast<time_t>(left_ns / 1000000000LL + at_ns / 1000000000LL);
  deadline.tv_nsec = static_cast<long>(at_ns % 1000000000LL);
  return pthread_mutex_timedlock(mutex, &deadline);
}
