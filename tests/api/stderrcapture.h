#pragma once

#include <QByteArray>
#include <cstdio>
#include <unistd.h>

namespace BidTracker::Testing {

/// Redirects this process's stderr (where the headless server logs) into a file meanwhile.
class StderrCapture
{
public:
    StderrCapture()
    {
        std::fflush(stderr);
        m_saved = ::dup(2);
        m_file = std::tmpfile();
        ::dup2(::fileno(m_file), 2);
    }
    ~StderrCapture() { restore(); }
    QByteArray restore()
    {
        if (m_saved >= 0) {
            std::fflush(stderr);
            ::dup2(m_saved, 2);
            ::close(m_saved);
            m_saved = -1;
            std::rewind(m_file);
            char buffer[4096];
            size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, m_file)) > 0)
                m_text.append(buffer, qsizetype(n));
            std::fclose(m_file);
        }
        return m_text;
    }

private:
    int m_saved = -1;
    std::FILE* m_file = nullptr;
    QByteArray m_text;
};

} // namespace BidTracker::Testing
