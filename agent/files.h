// Binary-safe file transfer (read_file, write_file) and the atomic replace
// that the editor shares: a new version is written beside the old one and
// renamed over it, so no reader ever sees half a file.
#pragma once

#include "call.h"
#include "fd.h"
#include "pathguard.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hako::agent {

class AtomicWriter
{
public:
    explicit AtomicWriter(const PathGuard &guard) : guard_(guard) {}
    ~AtomicWriter() { discard(); }
    AtomicWriter(const AtomicWriter &) = delete;
    AtomicWriter &operator=(const AtomicWriter &) = delete;

    std::optional<Failure> begin(std::string_view path);
    std::optional<Failure> write(std::string_view bytes);
    std::optional<Failure> commit();
    void discard();
    std::uint64_t size() const { return size_; }
    const std::string &path() const { return path_; }

private:
    const PathGuard &guard_;
    std::string path_;
    UniqueFd dir_;
    UniqueFd file_;
    std::string name_;
    std::string temp_;
    mode_t mode_ = 0644;
    std::uint64_t size_ = 0;
};

// Reads a whole regular file of at most `limit` bytes (the editor's view of a file).
std::optional<Failure> readSmallFile(const PathGuard &guard, std::string_view path, std::uint64_t limit,
                                     std::string &content);

class ReadFileCall final : public Call
{
public:
    using Call::Call;
    std::optional<Failure> start(const PathGuard &guard, std::string_view path, std::uint64_t maxBytes);

    bool wantsPump() const override { return !done(); }
    void pump() override;
    void cancel() override;

private:
    UniqueFd file_;
    std::string path_;
    std::uint64_t maxBytes_ = 0;
    std::uint64_t sent_ = 0;
};

class WriteFileCall final : public Call
{
public:
    WriteFileCall(Outbox &out, std::uint32_t id, const PathGuard &guard) : Call(out, id), writer_(guard) {}
    std::optional<Failure> start(std::string_view path, std::uint64_t maxBytes);

    void onData(std::string_view bytes) override;
    void onDataEnd() override;
    void cancel() override;

private:
    AtomicWriter writer_;
    std::uint64_t maxBytes_ = 0;
};

} // namespace hako::agent
