// Built without the BPF toolchain (clang, bpftool, libbpf-dev): the /proc scan
// answers every open-file check.
#include "bpf_scan.hpp"

namespace npemu::posix {

std::optional<std::vector<Holder>> bpf_mount_holders(int, const std::string&) { return std::nullopt; }

std::pair<std::uint64_t, std::uint64_t> bpf_tree_walks() { return {0, 0}; }

std::string bpf_kind() { return ""; }

std::string bpf_unavailable_reason() { return "npemu was built without BPF (clang, bpftool or libbpf-dev missing)"; }

}  // namespace npemu::posix
