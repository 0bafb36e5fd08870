#pragma once

#include <string>
#include <string_view>

namespace kc::app::security {

// Argon2id (libsodium's crypto_pwhash_str) with its interactive limits: fast enough
// for a login page on a small machine, far too slow for guessing.
std::string hash_password(std::string_view password);
bool verify_password(const std::string& hash, std::string_view password);

// A random token of `bytes` bytes, written as URL-safe base64 without padding.
std::string random_token(std::size_t bytes = 24);

// A hex SHA-256-strength digest (BLAKE2b-256) of a token, for storing tokens that
// must not be usable when the database leaks (sessions, API tokens).
std::string token_digest(std::string_view token);

// Compares two strings in time independent of where they differ.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace kc::app::security
