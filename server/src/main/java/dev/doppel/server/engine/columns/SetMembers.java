package dev.doppel.server.engine.columns;

import java.util.ArrayList;
import java.util.List;

/** The members of a SET type as the column type registry spells it ({@code set('a','b''s','c')}). */
final class SetMembers {
    private SetMembers() {
    }

    static List<String> of(String columnType) {
        List<String> result = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        while (i > 0 && i < columnType.length()) {
            int open = columnType.indexOf('\'', i);
            if (open < 0) {
                break;
            }
            StringBuilder member = new StringBuilder();
            int j = open + 1;
            while (j < columnType.length()) {
                char c = columnType.charAt(j);
                if (c == '\'' && j + 1 < columnType.length() && columnType.charAt(j + 1) == '\'') {
                    member.append('\'');
                    j += 2;
                } else if (c == '\'') {
                    break;
                } else if (c == '\\' && j + 1 < columnType.length()) {
                    member.append(columnType.charAt(j + 1));
                    j += 2;
                } else {
                    member.append(c);
                    j++;
                }
            }
            result.add(member.toString());
            i = j + 1;
        }
        return result;
    }

    /** The member's place, matched without case as the default collation does; -1 for none. */
    static int indexOf(List<String> members, String value) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).equalsIgnoreCase(value)) {
                return i;
            }
        }
        return -1;
    }

    static String join(List<String> members, boolean[] chosen) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < members.size(); i++) {
            if (chosen[i]) {
                out.append(out.isEmpty() ? "" : ",").append(members.get(i));
            }
        }
        return out.toString();
    }
}
