package dev.doppel.server.config;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * MySQL 8.4's character sets and collations with their ids (as in information_schema.COLLATIONS).
 * Names are looked up case-insensitively; {@code utf8} is MySQL's alias of {@code utf8mb3}.
 */
public final class Charsets {
    /** The alias MySQL 8.4 still accepts for utf8mb3 (with warning 3719). */
    public static final String UTF8_ALIAS = "utf8";

    private static final Map<String, MySqlCharset> CHARSETS = new LinkedHashMap<>();
    private static final Map<String, MySqlCollation> COLLATIONS_BY_NAME = new LinkedHashMap<>();
    private static final Map<Integer, MySqlCollation> COLLATIONS_BY_ID = new LinkedHashMap<>();

    static {
        charset("armscii8", "ARMSCII-8 Armenian", 1, "ISO-8859-1", 32, "armscii8_general_ci", 64, "armscii8_bin");
        charset("ascii", "US ASCII", 1, "US-ASCII", 11, "ascii_general_ci", 65, "ascii_bin");
        charset("big5", "Big5 Traditional Chinese", 2, "Big5", 1, "big5_chinese_ci", 84, "big5_bin");
        charset("binary", "Binary pseudo charset", 1, "ISO-8859-1", 63, "binary");
        charset("cp1250", "Windows Central European", 1, "windows-1250", 26, "cp1250_general_ci",
                34, "cp1250_czech_cs", 44, "cp1250_croatian_ci", 66, "cp1250_bin", 99, "cp1250_polish_ci");
        charset("cp1251", "Windows Cyrillic", 1, "windows-1251", 51, "cp1251_general_ci",
                14, "cp1251_bulgarian_ci", 23, "cp1251_ukrainian_ci", 50, "cp1251_bin", 52, "cp1251_general_cs");
        charset("cp1256", "Windows Arabic", 1, "windows-1256", 57, "cp1256_general_ci", 67, "cp1256_bin");
        charset("cp1257", "Windows Baltic", 1, "windows-1257", 59, "cp1257_general_ci",
                29, "cp1257_lithuanian_ci", 58, "cp1257_bin");
        charset("cp850", "DOS West European", 1, "IBM850", 4, "cp850_general_ci", 80, "cp850_bin");
        charset("cp852", "DOS Central European", 1, "IBM852", 40, "cp852_general_ci", 81, "cp852_bin");
        charset("cp866", "DOS Russian", 1, "IBM866", 36, "cp866_general_ci", 68, "cp866_bin");
        charset("cp932", "SJIS for Windows Japanese", 2, "windows-31j", 95, "cp932_japanese_ci", 96, "cp932_bin");
        charset("dec8", "DEC West European", 1, "ISO-8859-1", 3, "dec8_swedish_ci", 69, "dec8_bin");
        charset("eucjpms", "UJIS for Windows Japanese", 3, "x-eucJP-Open", 97, "eucjpms_japanese_ci",
                98, "eucjpms_bin");
        charset("euckr", "EUC-KR Korean", 2, "EUC-KR", 19, "euckr_korean_ci", 85, "euckr_bin");
        charset("gb18030", "China National Standard GB18030", 4, "GB18030", 248, "gb18030_chinese_ci",
                249, "gb18030_bin", 250, "gb18030_unicode_520_ci");
        charset("gb2312", "GB2312 Simplified Chinese", 2, "GB2312", 24, "gb2312_chinese_ci", 86, "gb2312_bin");
        charset("gbk", "GBK Simplified Chinese", 2, "GBK", 28, "gbk_chinese_ci", 87, "gbk_bin");
        charset("geostd8", "GEOSTD8 Georgian", 1, "ISO-8859-1", 92, "geostd8_general_ci", 93, "geostd8_bin");
        charset("greek", "ISO 8859-7 Greek", 1, "ISO-8859-7", 25, "greek_general_ci", 70, "greek_bin");
        charset("hebrew", "ISO 8859-8 Hebrew", 1, "ISO-8859-8", 16, "hebrew_general_ci", 71, "hebrew_bin");
        charset("hp8", "HP West European", 1, "ISO-8859-1", 6, "hp8_english_ci", 72, "hp8_bin");
        charset("keybcs2", "DOS Kamenicky Czech-Slovak", 1, "ISO-8859-1", 37, "keybcs2_general_ci",
                73, "keybcs2_bin");
        charset("koi8r", "KOI8-R Relcom Russian", 1, "KOI8-R", 7, "koi8r_general_ci", 74, "koi8r_bin");
        charset("koi8u", "KOI8-U Ukrainian", 1, "KOI8-U", 22, "koi8u_general_ci", 75, "koi8u_bin");
        // MySQL's latin1 is really Windows-1252.
        charset("latin1", "cp1252 West European", 1, "windows-1252", 8, "latin1_swedish_ci",
                5, "latin1_german1_ci", 15, "latin1_danish_ci", 31, "latin1_german2_ci", 47, "latin1_bin",
                48, "latin1_general_ci", 49, "latin1_general_cs", 94, "latin1_spanish_ci");
        charset("latin2", "ISO 8859-2 Central European", 1, "ISO-8859-2", 9, "latin2_general_ci",
                2, "latin2_czech_cs", 21, "latin2_hungarian_ci", 27, "latin2_croatian_ci", 77, "latin2_bin");
        charset("latin5", "ISO 8859-9 Turkish", 1, "ISO-8859-9", 30, "latin5_turkish_ci", 78, "latin5_bin");
        charset("latin7", "ISO 8859-13 Baltic", 1, "ISO-8859-13", 41, "latin7_general_ci",
                20, "latin7_estonian_cs", 42, "latin7_general_cs", 79, "latin7_bin");
        charset("macce", "Mac Central European", 1, "x-MacCentralEurope", 38, "macce_general_ci", 43, "macce_bin");
        charset("macroman", "Mac West European", 1, "x-MacRoman", 39, "macroman_general_ci", 53, "macroman_bin");
        charset("sjis", "Shift-JIS Japanese", 2, "Shift_JIS", 13, "sjis_japanese_ci", 88, "sjis_bin");
        charset("swe7", "7bit Swedish", 1, "ISO-8859-1", 10, "swe7_swedish_ci", 82, "swe7_bin");
        charset("tis620", "TIS620 Thai", 1, "TIS-620", 18, "tis620_thai_ci", 89, "tis620_bin");
        charset("ucs2", "UCS-2 Unicode", 2, "UTF-16BE", 35, "ucs2_general_ci", 90, "ucs2_bin", 128, "ucs2_unicode_ci");
        charset("ujis", "EUC-JP Japanese", 3, "EUC-JP", 12, "ujis_japanese_ci", 91, "ujis_bin");
        charset("utf16", "UTF-16 Unicode", 4, "UTF-16BE", 54, "utf16_general_ci", 55, "utf16_bin",
                101, "utf16_unicode_ci");
        charset("utf16le", "UTF-16LE Unicode", 4, "UTF-16LE", 56, "utf16le_general_ci", 62, "utf16le_bin");
        charset("utf32", "UTF-32 Unicode", 4, "UTF-32BE", 60, "utf32_general_ci", 61, "utf32_bin",
                160, "utf32_unicode_ci");
        charset("utf8mb3", "UTF-8 Unicode", 3, "UTF-8", 33, "utf8mb3_general_ci", 83, "utf8mb3_bin",
                192, "utf8mb3_unicode_ci", 76, "utf8mb3_tolower_ci");
        charset("utf8mb4", "UTF-8 Unicode", 4, "UTF-8", 255, "utf8mb4_0900_ai_ci", 45, "utf8mb4_general_ci",
                46, "utf8mb4_bin", 224, "utf8mb4_unicode_ci", 246, "utf8mb4_unicode_520_ci",
                278, "utf8mb4_0900_as_cs", 305, "utf8mb4_0900_as_ci", 309, "utf8mb4_0900_bin");
    }

    private Charsets() {
    }

    /** Declares a charset; the first collation listed is its default. */
    private static void charset(String name, String description, int maxLength, String javaName, Object... collations) {
        Charset java = Charset.isSupported(javaName) ? Charset.forName(javaName) : StandardCharsets.ISO_8859_1;
        CHARSETS.put(name, new MySqlCharset(name, (String) collations[1], description, maxLength, java));
        for (int i = 0; i < collations.length; i += 2) {
            MySqlCollation collation = new MySqlCollation((Integer) collations[i], (String) collations[i + 1], name, i == 0);
            COLLATIONS_BY_NAME.put(collation.name(), collation);
            COLLATIONS_BY_ID.put(collation.id(), collation);
        }
    }

    /** The character set of this name ({@code utf8} resolves to utf8mb3), case-insensitive. */
    public static Optional<MySqlCharset> charset(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals(UTF8_ALIAS)) {
            key = "utf8mb3";
        }
        return Optional.ofNullable(CHARSETS.get(key));
    }

    /** The collation of this name ({@code utf8_*} resolves to {@code utf8mb3_*}), case-insensitive. */
    public static Optional<MySqlCollation> collation(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.startsWith(UTF8_ALIAS + "_")) {
            key = "utf8mb3" + key.substring(UTF8_ALIAS.length());
        }
        return Optional.ofNullable(COLLATIONS_BY_NAME.get(key));
    }

    /** The collation with this id. */
    public static Optional<MySqlCollation> collation(int id) {
        return Optional.ofNullable(COLLATIONS_BY_ID.get(id));
    }

    /** The character set a collation belongs to. */
    public static MySqlCharset charsetOf(MySqlCollation collation) {
        return CHARSETS.get(collation.charsetName());
    }

    /** The default collation of a character set. */
    public static MySqlCollation defaultCollation(MySqlCharset charset) {
        return COLLATIONS_BY_NAME.get(charset.defaultCollation());
    }

    /** Every character set, ordered by name. */
    public static List<MySqlCharset> charsets() {
        return Collections.unmodifiableList(new ArrayList<>(CHARSETS.values()));
    }

    /** Every collation, ordered by character set then declaration. */
    public static List<MySqlCollation> collations() {
        return Collections.unmodifiableList(new ArrayList<>(COLLATIONS_BY_NAME.values()));
    }
}
