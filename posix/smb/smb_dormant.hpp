// Dormant sessions: what Windows' redirector does with a connection after its
// last use (LanmanWorkstation KeepConn). A disk session whose connection was
// cancelled politely, with the server answering, is parked here for
// [smb] keep_conn_seconds instead of being logged off; the next connect with the
// same server, port, timeout, workgroup, user, password and share takes it out
// again and reuses its TCP connection and SMB session (smbd forks a process and
// runs a session setup for every new connection: most of a cold connect's time).
// A parked session serves at most one connection at a time: a connect takes it
// out of the pool. Past its time it is logged off (bounded by the timeout) by a
// small reaper thread, or by the next pool access, whichever comes first.
#pragma once
#include "smb_session.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace npemu::smb {

// Parks s (its connection to `share` was just cancelled) for keep_seconds > 0.
// At most 16 are kept per process: beyond that the oldest is logged off.
void park(std::shared_ptr<Session> s, const std::string& share, int keep_seconds);

// Takes out a parked session to `share` whose login is exactly this one, or nullptr.
std::shared_ptr<Session> unpark(const std::string& address, int port, int timeout_ms, const Credentials& creds,
                                const std::string& share);

// Logs off every parked session of this process now (tests start from none).
void end_dormant_sessions();

// How many sessions are parked in this process.
std::size_t dormant_count();

}  // namespace npemu::smb
