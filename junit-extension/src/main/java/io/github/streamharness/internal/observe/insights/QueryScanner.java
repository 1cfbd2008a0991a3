package io.github.streamharness.internal.observe.insights;

import io.github.streamharness.LogsInsightsQueryException;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The lexical pieces of a Logs Insights query: strings, regex literals, names, keywords, and errors with a column. */
class QueryScanner {
    final String q;
    int pos;

    QueryScanner(String query) {
        this.q = query;
    }

    String string() {
        char quote = q.charAt(pos);
        int start = pos++;
        StringBuilder s = new StringBuilder();
        while (pos < q.length() && q.charAt(pos) != quote) {
            if (q.charAt(pos) == '\\' && pos + 1 < q.length()) {
                pos++;
            }
            s.append(q.charAt(pos++));
        }
        if (pos >= q.length()) {
            throw error(start, "this string is not closed: add the " + quote + " that ends it");
        }
        pos++;
        return s.toString();
    }

    Pattern regex() {
        int start = pos++;
        StringBuilder s = new StringBuilder();
        while (pos < q.length() && q.charAt(pos) != '/') {
            if (q.charAt(pos) == '\\' && pos + 1 < q.length() && q.charAt(pos + 1) == '/') {
                pos++;
            } else if (q.charAt(pos) == '\\' && pos + 1 < q.length()) {
                s.append(q.charAt(pos++));
            }
            s.append(q.charAt(pos++));
        }
        if (pos >= q.length()) {
            throw error(start, "this regular expression is not closed: add the / that ends it");
        }
        pos++;
        int flags = 0;
        if (pos < q.length() && q.charAt(pos) == 'i') {
            flags = Pattern.CASE_INSENSITIVE;
            pos++;
        }
        try {
            return Pattern.compile(s.toString(), flags);
        } catch (PatternSyntaxException e) {
            throw error(start, "invalid regular expression: " + e.getDescription());
        }
    }

    String identifier() {
        int start = pos;
        while (pos < q.length() && Character.isLetter(q.charAt(pos))) {
            pos++;
        }
        return start == pos ? null : q.substring(start, pos);
    }

    String fieldName() {
        int start = pos;
        if (pos < q.length() && q.charAt(pos) == '`') {
            int end = q.indexOf('`', pos + 1);
            if (end < 0) {
                throw error(start, "this quoted field name is not closed: add the ` that ends it");
            }
            pos = end + 1;
            return q.substring(start + 1, end);
        }
        while (pos < q.length()) {
            char c = q.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '@' || c == '_' || c == '.' || c == '$') {
                pos++;
            } else {
                break;
            }
        }
        return start == pos || Character.isDigit(q.charAt(start)) ? null : q.substring(start, pos);
    }

    boolean keyword(String word) {
        if (q.regionMatches(true, pos, word, 0, word.length())
                && (pos + word.length() == q.length() || !isNamePart(q.charAt(pos + word.length())))) {
            pos += word.length();
            return true;
        }
        return false;
    }

    boolean keywordAhead(String word) {
        int save = pos;
        skipSpace();
        if (keyword(word)) {
            return true;
        }
        pos = save;
        return false;
    }

    static boolean isNamePart(char c) {
        return Character.isLetterOrDigit(c) || c == '@' || c == '_' || c == '.';
    }

    boolean eatComma() {
        skipSpace();
        return eat(",");
    }

    boolean eat(String s) {
        if (q.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    boolean peek(char c) {
        return pos < q.length() && q.charAt(pos) == c;
    }

    void skipSpace() {
        while (pos < q.length() && Character.isWhitespace(q.charAt(pos))) {
            pos++;
        }
    }

    int skipSpaceAt() {
        skipSpace();
        return pos;
    }

    String text(int start) {
        return q.substring(start, pos).trim();
    }

    String rest(int max) {
        String r = q.substring(Math.min(pos, q.length()));
        return r.isEmpty() ? "the end of the query" : r.length() > max ? r.substring(0, max) + "..." : r;
    }

    LogsInsightsQueryException error(int at, String problem) {
        return new LogsInsightsQueryException(q, Math.max(0, at) + 1, problem);
    }
}
