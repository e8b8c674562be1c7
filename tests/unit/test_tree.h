// A throwaway directory tree for tests that read files.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace mc::testing {

class TempTree {
 public:
  TempTree() {
    std::random_device rd;
    root_ = std::filesystem::temp_directory_path() / ("migcompat-test-" + std::to_string(rd()));
    std::filesystem::create_directories(root_);
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
  }
  void write(const std::string& path, const std::string& text) const {
    std::filesystem::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << text;
  }
  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace mc::testing
