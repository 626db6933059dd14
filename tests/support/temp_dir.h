// Copyright 2026 The okrd Authors.
//
// TempDir: a fresh directory under $TMPDIR (or /tmp), removed with its
// contents when the object dies. Aborts the test if it cannot be created.

#ifndef OKR_TESTS_SUPPORT_TEMP_DIR_H_
#define OKR_TESTS_SUPPORT_TEMP_DIR_H_

#include <string>

namespace okr::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // path() + "/" + name.
  std::string File(const std::string& name) const;

 private:
  std::string path_;
};

// Reads a whole file; returns "" if it cannot.
std::string ReadFileOrEmpty(const std::string& path);
// Writes a whole file; returns false on failure.
bool WriteFile(const std::string& path, const std::string& content);

}  // namespace okr::testing

#endif  // OKR_TESTS_SUPPORT_TEMP_DIR_H_
