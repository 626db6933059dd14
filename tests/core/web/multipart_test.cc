// Copyright 2026 The okrd Authors.
//
// The strict multipart/form-data parser of the admin upload.

#include "core/web/multipart.h"

#include <catch2/catch.hpp>
#include <string>

namespace okr::web {
namespace {

const std::string kFile = std::string("PK\x03\x04\0\0binary\r\n--not-it\0", 24);

std::string Body() {
  return "--XyZ\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n"
         "tok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
         "filename=\"plan (1).xlsx\"\r\nContent-Type: application/"
         "octet-stream\r\n\r\n" + kFile + "\r\n--XyZ--\r\n";
}

TEST_CASE("multipart parts come back with names and exact bytes",
          "[web][multipart]") {
  auto boundary = MultipartBoundary("multipart/form-data; boundary=XyZ");
  REQUIRE(boundary.ok());
  CHECK(*boundary == "XyZ");
  CHECK(*MultipartBoundary("Multipart/Form-Data; charset=x; boundary=\"a b\"") ==
        "a b");
  const std::string body = Body();
  auto parts = ParseMultipart(body, "XyZ");
  INFO(parts.status().ToString());
  REQUIRE(parts.ok());
  REQUIRE(parts->size() == 2);
  CHECK(FindPart(*parts, "csrf_token")->body == "tok");
  const MultipartPart* file = FindPart(*parts, "file");
  REQUIRE(file != nullptr);
  CHECK(file->filename == "plan (1).xlsx");
  CHECK(file->content_type == "application/octet-stream");
  CHECK(file->body == kFile);  // NUL bytes and CRLFs inside a file are data.
  CHECK(FindPart(*parts, "nope") == nullptr);
  // Without the final CRLF is fine too.
  CHECK(ParseMultipart(body.substr(0, body.size() - 2), "XyZ").ok());
}

TEST_CASE("malformed multipart is refused", "[web][multipart]") {
  for (const char* type :
       {"multipart/form-data", "multipart/form-data; boundary=",
        "application/json; boundary=x", "multipart/form-data; boundary=a\"b",
        "multipart/form-data; boundary=\"unterminated"}) {
    INFO(type);
    CHECK_FALSE(MultipartBoundary(type).ok());
  }
  CHECK_FALSE(MultipartBoundary("multipart/form-data; boundary=" +
                                std::string(71, 'a')).ok());
  const std::string good = Body();
  auto refuse = [](const std::string& body) {
    INFO(body.substr(0, 80));
    CHECK_FALSE(ParseMultipart(body, "XyZ").ok());
  };
  refuse("");
  refuse("preamble\r\n" + good);                     // A preamble.
  refuse(good.substr(0, good.size() - 9));           // No closing delimiter.
  refuse(good + "trailing");                         // Data after the end.
  std::string no_name = good;
  no_name.replace(no_name.find("name=\"csrf_token\""), 17, "x=\"y\"");
  refuse(no_name);                                   // Part without a name.
  std::string nul = good;
  nul.insert(nul.find("name=\"csrf_token\""), std::string("\0", 1));
  refuse(nul);                                       // NUL in the headers.
  std::string no_disposition = good;
  no_disposition.replace(no_disposition.find("Content-Disposition"), 19,
                         "Content-Dispositio");
  refuse(no_disposition);
  refuse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n" +
         std::string(9000, 'x') + "\r\n\r\nv\r\n--XyZ--");  // Huge headers.
  std::string many;
  for (int i = 0; i < 17; ++i) {
    many += "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n";
  }
  refuse(many + "--XyZ--");                          // Too many parts.
}

}  // namespace
}  // namespace okr::web
