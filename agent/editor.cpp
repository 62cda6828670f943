#include "editor.h"

#include "dirlisting.h"
#include "files.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

namespace hako::agent {

namespace {

// Editing reads the whole file into memory; the agent must stay small.
constexpr std::uint64_t kMaxFileBytes = 8u << 20;
// The Result must fit one frame even if every byte is escaped as \u00XX.
constexpr std::size_t kMaxOutput = (proto::kMaxPayload - 4096) / 6;
constexpr std::size_t kMaxEcho = 200;
constexpr std::size_t kMaxListedMatches = 100;
constexpr std::size_t kSnippetLines = 4;

using Lines = std::vector<std::string_view>;

Failure badRequest(std::string message, Json details = nullptr)
{
    return {proto::code::BadRequest, std::move(message), std::move(details)};
}

// A trailing newline ends the last line rather than starting an empty one.
Lines splitLines(std::string_view text)
{
    Lines lines;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t nl = text.find('\n', start);
        const std::size_t end = nl == std::string_view::npos ? text.size() : nl;
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string echo(std::string_view text)
{
    if (text.size() <= kMaxEcho)
        return std::string(text);
    return std::string(text.substr(0, kMaxEcho)) + "...";
}

// `cat -n` layout; `first` is 0-based, the numbers shown are 1-based.
void appendNumbered(std::string &out, const Lines &lines, std::size_t first, std::size_t end)
{
    end = std::min(end, lines.size());
    for (std::size_t i = first; i < end; ++i) {
        std::string number = std::to_string(i + 1);
        if (out.size() + lines[i].size() + number.size() + 8 > kMaxOutput) {
            out += "[hako: output truncated before line " + number + "; view a smaller view_range]\n";
            return;
        }
        out.append(number.size() < 6 ? 6 - number.size() : 0, ' ');
        out += number;
        out += '\t';
        out += lines[i];
        out += '\n';
    }
}

std::size_t lineOffset(std::string_view text, std::size_t line)
{
    std::size_t offset = 0;
    for (std::size_t i = 0; i < line && offset < text.size(); ++i) {
        const std::size_t nl = text.find('\n', offset);
        offset = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    return offset;
}

std::optional<Failure> writeFile(const PathGuard &guard, const std::string &path, std::string_view content)
{
    AtomicWriter writer(guard);
    if (auto failure = writer.begin(path))
        return failure;
    if (auto failure = writer.write(content))
        return failure;
    return writer.commit();
}

std::optional<Failure> viewRange(const Json &input, std::size_t lineCount, std::size_t &first, std::size_t &end)
{
    first = 0;
    end = lineCount;
    const auto it = input.find("view_range");
    if (it == input.end() || it->is_null())
        return std::nullopt;
    if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number_integer() || !(*it)[1].is_number_integer())
        return badRequest("view_range must be a list of two integers [start, end]");
    const std::int64_t start = (*it)[0].get<std::int64_t>();
    const std::int64_t stop = (*it)[1].get<std::int64_t>();
    const auto count = static_cast<std::int64_t>(lineCount);
    if (start < 1 || start > std::max<std::int64_t>(count, 1))
        return badRequest("view_range start " + std::to_string(start) + " is outside the file's lines [1, "
                                  + std::to_string(count) + "]",
                          Json{{proto::detail::Lines, count}});
    if (stop != -1 && (stop < start || stop > count))
        return badRequest("view_range end " + std::to_string(stop) + " must be -1 or between " + std::to_string(start)
                                  + " and " + std::to_string(count),
                          Json{{proto::detail::Lines, count}});
    first = static_cast<std::size_t>(start - 1);
    end = stop == -1 ? lineCount : static_cast<std::size_t>(stop);
    return std::nullopt;
}

std::optional<Failure> view(const PathGuard &guard, const std::string &path, const Json &input, std::string &out)
{
    UniqueFd fd;
    if (auto failure = guard.openPath(path, O_PATH, fd))
        return failure;
    struct stat st
    {};
    if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) {
        if (input.contains("view_range") && !input["view_range"].is_null())
            return badRequest(path + ": view_range is not allowed when viewing a directory");
        out = listTwoLevels(fd.get(), path, kMaxOutput);
        return std::nullopt;
    }
    std::string content;
    if (auto failure = readSmallFile(guard, path, kMaxFileBytes, content))
        return failure;
    const Lines lines = splitLines(content);
    std::size_t first = 0, end = 0;
    if (auto failure = viewRange(input, lines.size(), first, end))
        return failure;
    out = "Here's the result of running `cat -n` on " + path + ":\n";
    appendNumbered(out, lines, first, end);
    return std::nullopt;
}

std::optional<Failure> create(const PathGuard &guard, const std::string &path, const Json &input, std::string &out)
{
    std::optional<std::string> text;
    if (auto failure = optionalString(input, "file_text", text))
        return failure;
    if (!text)
        return badRequest("create needs file_text");
    if (auto failure = writeFile(guard, path, *text))
        return failure;
    out = "File created successfully at: " + path;
    return std::nullopt;
}

std::string editedSnippet(const std::string &path, std::string_view content, std::size_t firstLine,
                          std::size_t changedLines)
{
    const Lines lines = splitLines(content);
    const std::size_t from = firstLine > kSnippetLines ? firstLine - kSnippetLines : 0;
    std::string out = "The file " + path + " has been edited. Here's the result of running `cat -n` on a snippet of "
                      + path + ":\n";
    appendNumbered(out, lines, from, firstLine + changedLines + kSnippetLines);
    return out + "Review the changes and make sure they are as expected. Edit the file again if necessary.";
}

std::optional<Failure> strReplace(const PathGuard &guard, const std::string &path, const Json &input, std::string &out)
{
    std::optional<std::string> oldStr, newStr;
    if (auto failure = optionalString(input, "old_str", oldStr))
        return failure;
    if (auto failure = optionalString(input, "new_str", newStr))
        return failure;
    if (!oldStr || oldStr->empty())
        return badRequest("str_replace needs a non-empty old_str");
    std::string content;
    if (auto failure = readSmallFile(guard, path, kMaxFileBytes, content))
        return failure;

    // Line numbers are counted incrementally: a one-byte old_str in a large
    // file must not cost a rescan per match.
    std::vector<std::size_t> lines;
    std::size_t matches = 0, first = std::string::npos, line = 1, counted = 0;
    for (std::size_t pos = content.find(*oldStr); pos != std::string::npos;
         pos = content.find(*oldStr, pos + oldStr->size())) {
        line += static_cast<std::size_t>(std::count(content.begin() + counted, content.begin() + pos, '\n'));
        counted = pos;
        if (++matches == 1)
            first = pos;
        if (lines.size() < kMaxListedMatches)
            lines.push_back(line);
    }
    if (matches == 0)
        return Failure{proto::code::NoMatch,
                       "No replacement was performed: old_str `" + echo(*oldStr) + "` did not appear verbatim in "
                               + path + ".",
                       nullptr};
    if (matches > 1) {
        std::string list;
        for (std::size_t at : lines)
            list += (list.empty() ? "" : ", ") + std::to_string(at);
        if (matches > lines.size())
            list += ", ...";
        return Failure{proto::code::MultipleMatches,
                       "No replacement was performed: old_str occurs " + std::to_string(matches) + " times in " + path
                               + ", at lines " + list + ". Include more context to make it unique.",
                       Json{{proto::detail::Lines, lines}, {proto::detail::Count, matches}}};
    }
    const std::string replacement = newStr.value_or(std::string());
    content.replace(first, oldStr->size(), replacement);
    if (auto failure = writeFile(guard, path, content))
        return failure;
    const auto added = static_cast<std::size_t>(std::count(replacement.begin(), replacement.end(), '\n'));
    out = editedSnippet(path, content, lines.front() - 1, added + 1);
    return std::nullopt;
}

std::optional<Failure> insert(const PathGuard &guard, const std::string &path, const Json &input, std::string &out)
{
    std::optional<std::int64_t> line;
    std::optional<std::string> text, newStr;
    if (auto failure = optionalInt(input, "insert_line", line))
        return failure;
    // Newer tool versions call the text insert_text, older ones new_str.
    if (auto failure = optionalString(input, "insert_text", text))
        return failure;
    if (auto failure = optionalString(input, "new_str", newStr))
        return failure;
    if (!text)
        text = std::move(newStr);
    if (!line || !text)
        return badRequest("insert needs insert_line and new_str (or insert_text)");
    std::string content;
    if (auto failure = readSmallFile(guard, path, kMaxFileBytes, content))
        return failure;
    const std::size_t count = splitLines(content).size();
    if (*line < 0 || static_cast<std::uint64_t>(*line) > count)
        return badRequest("insert_line " + std::to_string(*line) + " is out of range: " + path + " has "
                                  + std::to_string(count) + " lines (0 inserts at the top)",
                          Json{{proto::detail::Lines, count}});
    const auto after = static_cast<std::size_t>(*line);
    std::string block = *text;
    if (block.empty() || block.back() != '\n')
        block += '\n';
    const std::size_t offset = lineOffset(content, after);
    if (offset == content.size() && !content.empty() && content.back() != '\n')
        block.insert(block.begin(), '\n');
    content.insert(offset, block);
    if (auto failure = writeFile(guard, path, content))
        return failure;
    out = editedSnippet(path, content, after, splitLines(*text).size());
    return std::nullopt;
}

std::string displayPath(std::string path)
{
    while (path.size() > 1 && path.back() == '/')
        path.pop_back();
    return path;
}

} // namespace

std::optional<Failure> runEditor(const PathGuard &guard, const Json &input, std::string &output)
{
    std::optional<std::string> command, path;
    if (auto failure = optionalString(input, "command", command))
        return failure;
    if (auto failure = optionalString(input, "path", path))
        return failure;
    if (!command || !path)
        return badRequest("the editor needs a command and a path");
    const std::string shown = displayPath(*path);
    if (*command == "view")
        return view(guard, shown, input, output);
    if (*command == "create")
        return create(guard, shown, input, output);
    if (*command == "str_replace")
        return strReplace(guard, shown, input, output);
    if (*command == "insert")
        return insert(guard, shown, input, output);
    return badRequest("unknown editor command `" + echo(*command) + "`; use view, create, str_replace or insert");
}

} // namespace hako::agent
