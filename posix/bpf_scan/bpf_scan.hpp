// The open-file check of one mount done by BPF iterators in the kernel (see
// holders.bpf.c): the same answer as the /proc scan (proc_scan.hpp) for a mount,
// without reading every process's tables through /proc text.
#pragma once
#include "../../core/src/status.hpp"

#include <cstdint>
#include <optional>
#include <utility>
#include <string>
#include <vector>

namespace npemu::posix {

// Every process with an fd, memory map, cwd, root or executable on the mount with
// this id (mountinfo's first field) and mount point `target`. nullopt when BPF
// cannot be used here (not root, no kernel BTF, another PID namespace, a kernel
// older than 6.7, NPEMU_HOLDER_SCAN=proc): the caller then scans /proc. The first
// call loads the program (a few ms); later calls reuse it.
std::optional<std::vector<Holder>> bpf_mount_holders(int mount_id, const std::string& target);

// Processes whose maps the 6.7+ object read from their maple tree, and those for
// which it gave up and used the VMA iterator (totals since loading; 0, 0 otherwise).
std::pair<std::uint64_t, std::uint64_t> bpf_tree_walks();

// Which BPF object is in use ("" before the first call or when none loaded).
std::string bpf_kind();

// Why bpf_mount_holders gives nullopt ("" while it works or before the first call).
std::string bpf_unavailable_reason();

}  // namespace npemu::posix
