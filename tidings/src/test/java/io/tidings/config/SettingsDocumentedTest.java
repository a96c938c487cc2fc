package io.tidings.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The defaults are written once, in {@link Setting}: the table in docs/configuration.md and the two
 * container scripts in server-config/ must say the same, and name no setting Tidings does not read.
 */
class SettingsDocumentedTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern KEY = Pattern.compile("tidings\\.[a-z]+(?:[.-][a-z]+)*");

    private static Set<String> keys() {
        return Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void theConfigurationTableListsEverySettingWithItsVariableDefaultAndAllowedValues() throws IOException {
        List<String> wrong = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/configuration.md"))) {
            if (!line.startsWith("| `tidings.")) {
                continue;
            }
            String[] cells = line.split(" \\| ");
            String key = cells[0].substring(3, cells[0].length() - 1);
            listed.add(key);
            Setting setting = Arrays.stream(Setting.values()).filter(s -> s.key().equals(key)).findFirst().orElse(null);
            if (setting == null) {
                continue;
            }
            String expectedDefault = setting.defaultValue().isEmpty() ? "(" : setting.defaultValue();
            if (!cells[1].equals("`" + setting.environmentVariable() + "`")
                    || !(setting.defaultValue().isEmpty() ? cells[2].startsWith(expectedDefault) : cells[2].equals(expectedDefault))
                    || !cells[3].equals(setting.rule().allowed())) {
                wrong.add(key + ": expected `" + setting.environmentVariable() + "` | " + (setting.defaultValue().isEmpty()
                        ? "(none)" : setting.defaultValue()) + " | " + setting.rule().allowed() + ", found " + line);
            }
        }
        assertEquals(List.of(), wrong, "rows that disagree with Setting");
        assertEquals(keys(), listed, "settings in docs/configuration.md");
    }

    @Test
    void theWildFlyScriptSetsEveryDefaultAndShowsEveryOptionalSetting() throws IOException {
        checkScript("server-config/wildfly/tidings.cli", "/system-property=%s:add(value=%s)", true);
    }

    @Test
    void thePayaraScriptSetsEveryDefaultAndShowsEveryOptionalSetting() throws IOException {
        checkScript("server-config/payara/tidings.asadmin", "create-system-properties %s=%s", false);
    }

    /**
     * A setting with a default is set to it on a line of its own; one without (a secret, a file, a
     * list) appears in a commented example line. The script names no other {@code tidings.} key.
     */
    private static void checkScript(String file, String format, boolean quotesAllowed) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(file));
        List<String> wrong = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (setting.defaultValue().isEmpty()) {
                String line = String.format(format, setting.key(), "\0");
                String example = "# " + line.substring(0, line.indexOf('\0'));
                if (lines.stream().noneMatch(l -> l.startsWith(example))) {
                    wrong.add(setting.key() + ": no commented example '" + example + "...'");
                }
            } else {
                String plain = String.format(format, setting.key(), setting.defaultValue());
                String quoted = String.format(format, setting.key(), "\"" + setting.defaultValue() + "\"");
                if (lines.stream().noneMatch(line -> line.equals(plain) || quotesAllowed && line.equals(quoted))) {
                    wrong.add(setting.key() + ": no line '" + plain + "'");
                }
            }
        }
        Set<String> named = new TreeSet<>();
        for (String line : lines) {
            Matcher key = KEY.matcher(line);
            while (key.find()) {
                named.add(key.group());
            }
        }
        named.removeAll(keys());
        named.removeIf(key -> key.startsWith("tidings.cli") || key.startsWith("tidings.asadmin"));
        assertEquals(List.of(), wrong, file);
        assertEquals(Set.of(), named, file + " names settings that Setting does not have");
    }
}
