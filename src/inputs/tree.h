// A tree of the app (the deployed one or the one about to deploy): its root, its settings,
// and how files are found and read in it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/source.h"
#include "inputs/config.h"

namespace mc {

struct Tree {
  std::string label;  // "old" or "new", for messages
  std::filesystem::path root;
  TreeSettings settings;
};

// Loads ROOT's settings and merges `overrides` over them. Throws InputError when ROOT is not a
// readable directory.
Tree open_tree(std::string label, const std::filesystem::path& root, const TreeSettings& overrides);

// Reads a file of the tree (path relative to the root). Throws InputError for an unreadable
// file or one that is binary rather than text.
const SourceFile& read_tree_file(SourceManager& sources, const Tree& tree, const std::string& relative_path);
// Several files, read in parallel, registered in `paths` order; the first bad one (in that order)
// is the error.
std::vector<const SourceFile*> read_tree_files(SourceManager& sources, const Tree& tree, const std::vector<std::string>& paths);

// True when `path` (relative, '/'-separated) matches `pattern`: `*` and `?` within one path
// segment, `**` across any number of segments, `{a,b}` alternatives.
bool glob_match(std::string_view pattern, std::string_view path);

// Files under the tree matching `pattern`, relative, sorted. Skips .git and node_modules;
// never follows directory symlinks, so loops cannot trap it. Matching symlinks that lead nowhere
// are listed too, so that reading them reports why.
std::vector<std::string> glob_files(const Tree& tree, const std::string& pattern);

}  // namespace mc
