// The FUSE operations of npemu-smbfs: each one a few libsmbclient calls on the one
// context, bounded by its timeout. The loop is single-threaded (a context is not
// thread-safe), so calls never overlap.
#pragma once
#define FUSE_USE_VERSION 31
#include <fuse.h>
#include <libsmbclient.h>

#include <string>

namespace smbfs {

// The context and the URL of the share's root that the operations work on.
void set_session(SMBCCTX* ctx, std::string root_url);
const fuse_operations& operations();

}  // namespace smbfs
