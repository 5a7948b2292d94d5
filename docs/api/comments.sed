# Doxygen's filter for npemu's headers (FILTER_PATTERNS): the headers keep plain
# comments, which read the same in an editor, and Doxygen sees its own:
# - the first comment of a file documents the file (@file);
# - a comment that opens a line documents what follows (/* → /**, // → ///), and
#   one after a member's `;` that member (/**<, ///<);
# - in comment lines a backslash (\\server\share, Z:\dir) is doubled, so Doxygen
#   shows it instead of reading a command.
/^[[:space:]]*\(\/\*\|\*\|\/\/\)/s|\\|\\\\|g
/;[[:space:]]*\(\/\*\|\/\/\)/s|\\|\\\\|g
1s|^/\* |/** @file\n * |
1s|^// |/// @file\n/// |
s|^\([[:space:]]*\)/\* |\1/** |
s|^\([[:space:]]*\)// |\1/// |
s|;\([[:space:]]*\)/\* |;\1/**< |
s|;\([[:space:]]*\)// |;\1///< |
