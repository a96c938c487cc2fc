package io.tidings.web;

import io.tidings.support.Browser;
import io.tidings.support.Jwts;
import io.tidings.support.RawSocket;
import io.tidings.support.Server;
import io.tidings.support.TestClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.tidings.support.Frames.joinRoom;
import static java.net.URLEncoder.encode;
import static java.nio.charset.StandardCharsets.UTF_8;
import static io.tidings.support.Frames.say;
import static io.tidings.support.Frames.uniqueRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chat page in real browsers (headless Chromium) against the deployed WAR. Screenshots go to
 * target/screenshots/. The test WAR adds {@link DisconnectServlet} to drop a user's sockets and
 * {@link NotifyServlet} to fire notifications.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatPageIT {

    static final Jwts JWTS = new Jwts();

    private final List<AutoCloseable> opened = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        // One socket posts 70 messages at once to fill a history: above the default rate burst.
        // Guests and access tokens (jwt), as a team would run the page next to its own sign-in.
        return JWTS.deployment("tidings.limits.rate-burst=200", "tidings.limits.rate-per-second=200")
                .addClasses(DisconnectServlet.class, NotifyServlet.class);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    private Browser desktop() {
        return keep(Browser.desktop());
    }

    private <T extends AutoCloseable> T keep(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private TestClient user(String name) {
        return keep(TestClient.connect(Server.ws("ws?name=" + name)));
    }

    @Test
    void twoPeopleChatInARoomSeeEachOthersPresenceTypingAndImages() throws IOException {
        String room = uniqueRoom("design");
        Browser ada = desktop().signIn("ada");
        ada.join(room);
        Browser bob = desktop().signIn("bob");
        bob.join(room);

        ada.until(d -> ada.members().contains("bob"), "bob in ada's member list");
        bob.until(d -> bob.members().containsAll(List.of("ada", "bob")), "both in bob's member list");

        bob.find(By.id("composer-text")).sendKeys("Morning! The new");
        ada.waitForText(By.id("typing"), "bob is typing…");
        bob.find(By.id("composer-text")).sendKeys(" header mock-ups are in the drive.", Keys.ENTER);
        ada.until(d -> ada.messages().contains("Morning! The new header mock-ups are in the drive."), "bob's message at ada");
        ada.waitForText(By.id("typing"), "");
        assertEquals("bob", ada.find(By.cssSelector("#timelines li.message:last-child .author")).getText());

        ada.say("Great, looking now. Can you share the phone version here?");
        bob.until(d -> bob.messages().contains("Great, looking now. Can you share the phone version here?"), "ada's reply at bob");

        bob.find(By.id("composer-image")).sendKeys(sampleImage().toString());
        ada.until(d -> imageLoaded(ada), "bob's image shown at ada");
        assertEquals("Image shared by bob", ada.find(By.cssSelector("#timelines img.shared-image")).getAttribute("alt"));
        bob.say("Here it is, the menu moved to the bottom.");
        ada.until(d -> ada.messages().contains("Here it is, the menu moved to the bottom."), "bob's last message at ada");
        ada.screenshot("chat-two-people-ada");
        bob.screenshot("chat-two-people-bob");

        bob.find(By.id("leave-room")).click();
        ada.until(d -> !ada.members().contains("bob"), "bob gone from ada's member list after leaving");
        assertEquals(List.of("ada"), ada.members());
    }

    @Test
    void aServerSideDisconnectLosesNoMessageAndShowsNoneTwice() throws Exception {
        String room = uniqueRoom("recovery");
        Browser cleo = desktop().signIn("cleo");
        cleo.join(room);
        TestClient dan = user("dan");
        joinRoom(dan, room);
        List<String> expected = new ArrayList<>(List.of("before 1", "before 2", "before 3"));
        expected.forEach(text -> say(dan, room, text));
        cleo.until(d -> cleo.messages().equals(expected), "the first messages at cleo");

        cleo.script("window.__states = []; const status = document.getElementById('status');"
                + "new MutationObserver(() => { const s = status.dataset.state;"
                + " if (window.__states[window.__states.length - 1] !== s) window.__states.push(s); })"
                + ".observe(status, {attributes: true});");
        assertEquals("1", post("test/disconnect?user=cleo"), "cleo's one socket closed by the server");
        dan.expect(f -> isPresence(f, "leave", "cleo"), "cleo's leave after the disconnect");
        for (int i = 1; i <= 5; i++) {
            assertEquals("ack", say(dan, room, "while away " + i).getString("type"));
            expected.add("while away " + i);
        }
        dan.expect(f -> isPresence(f, "join", "cleo"), "cleo back in the room");
        cleo.waitForState("open");
        assertEquals(List.of("reconnecting", "open"), cleo.script("return window.__states"), "the page showed the reconnect");
        say(dan, room, "welcome back");
        expected.add("welcome back");

        cleo.until(d -> cleo.messages().size() >= expected.size(), "every message at cleo");
        assertEquals(expected, cleo.messages(), "every message once, in order");
        cleo.screenshot("chat-after-reconnect");
    }

    @Test
    void loadEarlierShowsOlderMessagesAboveInOrderUntilTheFirst() {
        String room = uniqueRoom("archive");
        TestClient fay = user("fay");
        joinRoom(fay, room);
        IntStream.rangeClosed(1, 70).forEach(i -> assertEquals("ack", say(fay, room, "note " + i).getString("type")));
        Browser gus = desktop().signIn("gus");
        gus.join(room);
        List<String> latest = IntStream.rangeClosed(21, 70).mapToObj(i -> "note " + i).toList();
        gus.until(d -> gus.messages().equals(latest), "the latest 50 messages on join");

        gus.find(By.id("load-earlier")).click();
        List<String> all = IntStream.rangeClosed(1, 70).mapToObj(i -> "note " + i).toList();
        gus.until(d -> gus.messages().equals(all), "all 70 messages after loading earlier ones");
        assertFalse(gus.find(By.id("load-earlier")).isDisplayed(), "nothing earlier than the first message");
    }

    @Test
    void anXssCorpusSentAsMessagesAndNamesIsShownAsTextAndExecutesNothing() {
        String room = uniqueRoom("xss");
        Browser eve = desktop().signIn("eve");
        eve.join(room);
        eve.script("window.__violations = [];"
                + "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        TestClient mallory = user("mallory");
        joinRoom(mallory, room);
        List<String> names = List.of("<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "\"><script>alert(1)</script>");
        List<String> messages = List.of(
                "<script>window.__pwned=1</script>",
                "<img src=x onerror=\"window.__pwned=1\">",
                "<svg/onload=\"window.__pwned=1\">",
                "\"><iframe src=\"javascript:window.__pwned=1\"></iframe>",
                "<a href=\"javascript:window.__pwned=1\">click me</a>",
                "{{constructor.constructor('window.__pwned=1')()}}",
                "<style>body{display:none}</style>",
                "<details open ontoggle=\"window.__pwned=1\">",
                "&lt;b&gt;entities stay text&lt;/b&gt;",
                "javascript:window.__pwned=1");
        for (String name : names) {
            mallory.send(Json.createObjectBuilder().add("type", "rename").add("ref", "r")
                    .add("data", Json.createObjectBuilder().add("name", name)).build().toString());
            mallory.expect(f -> "r".equals(f.getString("ref", null)), "the rename's ack");
            messages.forEach(text -> say(mallory, room, text));
            eve.until(d -> eve.members().contains(name), "the name " + name + " in the member list");
        }
        eve.until(d -> eve.messages().size() == names.size() * messages.size(), "every message at eve");

        List<String> expected = names.stream().flatMap(n -> messages.stream()).toList();
        assertEquals(expected.size(), eve.messages().size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(messages.get(i % messages.size()), eve.messages().get(i), "message " + i + " shown as typed");
        }
        String lastName = names.get(names.size() - 1);
        assertTrue(eve.findAll(By.cssSelector("#timelines .author")).stream().allMatch(a -> lastName.equals(a.getAttribute("textContent"))),
                "authors renamed to the latest name, as text");
        assertEquals(0L, eve.script("return document.querySelectorAll('#timelines img, #timelines svg, #timelines script,"
                + " #timelines iframe, #timelines a:not([href^=\"blob:\"]), #timelines style, #timelines details,"
                + " #member-list img, #member-list svg, #member-list script').length"), "no element made from user text");
        assertEquals(List.of(), eve.script("return window.__violations"), "nothing even tried to run");
        assertEquals(null, eve.script("return window.__pwned === undefined ? null : 'pwned'"));
        assertTrue(eve.find(By.id("app")).isDisplayed(), "the page is still visible");
        eve.screenshot("chat-xss-corpus");
    }

    @Test
    void onAPhoneTheConversationFillsTheScreenAndRoomsAndPeopleOpenAsPanels() {
        String room = uniqueRoom("mobile");
        TestClient hal = user("hal");
        joinRoom(hal, room);
        say(hal, room, "Standup in 5 minutes — who's presenting the release notes?");
        Browser ivy = keep(Browser.phone()).signIn("ivy");
        ivy.join(room);
        ivy.say("I can do it. Give me two minutes to grab a coffee.");
        ivy.until(d -> ivy.messages().size() == 2, "both messages on the phone");
        assertFalse(ivy.find(By.id("rooms-panel")).isDisplayed(), "rooms are a closed panel on a phone");
        assertTrue(ivy.find(By.id("composer-text")).isDisplayed());
        ivy.screenshot("chat-phone");

        ivy.find(By.id("toggle-rooms")).click();
        ivy.until(d -> ivy.find(By.id("rooms-panel")).isDisplayed(), "the rooms panel open");
        assertEquals("true", ivy.find(By.id("toggle-rooms")).getAttribute("aria-expanded"));
        ivy.screenshot("chat-phone-rooms");
        ivy.find(By.cssSelector("body")).sendKeys(Keys.ESCAPE);
        ivy.until(d -> !ivy.find(By.id("rooms-panel")).isDisplayed(), "Escape closes the panel");
    }

    @Test
    void renamingShowsTheNewNameToEveryoneInTheRoom() {
        String room = uniqueRoom("names");
        Browser jo = desktop().signIn("jo");
        jo.join(room);
        TestClient kim = user("kim");
        joinRoom(kim, room);
        jo.until(d -> jo.members().contains("kim"), "kim in jo's member list");

        jo.find(By.id("me")).click();
        jo.type(By.id("rename-name"), "Jo Park");
        jo.find(By.cssSelector("#rename-form button[type=submit]")).click();
        JsonObject presence = kim.expect(f -> isPresence(f, "rename", "jo"), "jo's rename");
        assertEquals("Jo Park", presence.getJsonObject("data").getString("name"));
        jo.waitForText(By.id("me-name"), "Jo Park");
        assertTrue(jo.members().contains("Jo Park"), "the member list shows the new name");
    }

    @Test
    void messagesInAnotherRoomShowAnUnreadCountUntilThatRoomIsOpened() {
        String quiet = uniqueRoom("quiet");
        String busy = uniqueRoom("busy");
        Browser max = desktop().signIn("max");
        max.join(busy);
        max.join(quiet);
        TestClient nia = user("nia");
        joinRoom(nia, busy);
        say(nia, busy, "first");
        say(nia, busy, "second");

        By badge = By.cssSelector("#room-list button[data-room='" + busy + "'] .badge");
        max.until(d -> max.texts("#room-list button[data-room='" + busy + "'] .badge").equals(List.of("2 unread")),
                "an unread count of 2 on " + busy);
        assertTrue(max.findAll(By.cssSelector("#room-list button[data-room='" + quiet + "'] .badge")).isEmpty(),
                "no count on the room being read");
        max.find(By.cssSelector("#room-list button[data-room='" + busy + "']")).click();
        max.waitForText(By.id("room-title"), "# " + busy);
        assertTrue(max.findAll(badge).isEmpty(), "the count is gone once the room is open");
        assertEquals(List.of("first", "second"), max.messages());
    }

    @Test
    void aNotificationFiredOnTheServerShowsUpWithACounterAndCanBeMarkedReadOnEveryDevice() throws Exception {
        String olga = "olga-" + UUID.randomUUID().toString().substring(0, 4);
        Browser desk = desktop().signIn(olga);
        TestClient phone = user(olga);
        String shipped = notify(olga, "Order #1042 shipped", "Two boxes, arriving Tuesday between 9 and 12.");
        String xss = notify(olga, "<img src=x onerror=alert(1)>", "<script>alert(1)</script>");
        desk.waitForText(By.id("notifications-count"), "2");

        desk.find(By.id("notifications-button")).click();
        desk.until(d -> desk.texts("#notifications-list .notification-title")
                .equals(List.of("<img src=x onerror=alert(1)>", "Order #1042 shipped")), "both notifications, newest first, as text");
        assertEquals(List.of(xss, shipped), desk.script("return [...document.querySelectorAll('#notifications-list li')].map(li => li.dataset.id)"));
        assertEquals(List.of("<script>alert(1)</script>", "Two boxes, arriving Tuesday between 9 and 12."),
                desk.texts("#notifications-list .notification-body"));
        assertEquals(0L, desk.script("return document.querySelectorAll('#notifications-list img, #notifications-list script').length"));
        desk.screenshot("chat-notifications");

        desk.find(By.cssSelector("#notifications-list button[data-id='" + shipped + "']")).click();
        desk.waitForText(By.id("notifications-count"), "1");
        JsonObject read = phone.expect(f -> "notification.read".equals(f.getString("type")), "the read mark on the other device");
        assertEquals(shipped, read.getJsonObject("data").getJsonArray("ids").getString(0));
        assertEquals(1, read.getJsonObject("data").getInt("unread"));

        desk.find(By.id("notifications-read-all")).click();
        desk.until(d -> !desk.find(By.id("notifications-count")).isDisplayed(), "the counter gone after marking all read");
        JsonObject all = phone.expect(f -> "notification.read".equals(f.getString("type")), "mark-all on the other device");
        assertEquals(0, all.getJsonObject("data").getInt("unread"));
        assertEquals(List.of("Read", "Read"), desk.texts("#notifications-list .read-state"));

        Browser again = desktop().signIn(olga);
        again.find(By.id("notifications-button")).click();
        again.until(d -> again.texts("#notifications-list .read-state").size() == 2, "the read state kept on the server");
        assertFalse(again.find(By.id("notifications-count")).isDisplayed(), "no unread count on the next visit");
    }

    @Test
    void thePageIsServedWithAContentSecurityPolicyAndSignInWorksWithTheKeyboardOnly() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Server.http("")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("object-src 'none'")
                && !policy.contains("unsafe-inline"), policy);
        assertFalse(page.body().contains("<script>"), "no inline script on the page");

        Browser lee = desktop();
        lee.driver().get(Server.http("").toString());
        lee.until(d -> "signin-name".equals(d.switchTo().activeElement().getAttribute("id")), "the nickname field focused on load");
        WebElement name = lee.driver().switchTo().activeElement();
        name.sendKeys("bad name!", Keys.ENTER);
        lee.waitForText(By.id("signin-error"), "A nickname is 1 to 32 letters, digits, dots, dashes or underscores.");
        lee.screenshot("signin-error");
        assertEquals("signin-name", lee.driver().switchTo().activeElement().getAttribute("id"), "focus back on the field");
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "lee", Keys.ENTER);
        lee.waitForState("open");
        lee.waitForText(By.id("room-title"), "# lobby");
    }

    @Test
    void signingInWithAnAccessTokenConnectsAsTheTokensUserWhoseNameGuestsCannotTake() {
        Browser tia = desktop();
        tia.driver().get(Server.http("").toString());
        tia.find(By.cssSelector("#signin-form summary")).click();
        tia.type(By.id("signin-token"), JWTS.token("tia"));
        tia.find(By.cssSelector("#signin-form button[type=submit]")).click();
        tia.waitForState("open");
        tia.waitForText(By.id("me-name"), "tia");
        tia.screenshot("signin-token");
        try (RawSocket impostor = RawSocket.handshake("ws?name=tia", Map.of("Origin", Server.origin()))) {
            assertEquals(403, impostor.status(), "a guest cannot take the name of a signed-in user");
        }

        Browser forged = desktop();
        forged.driver().get(Server.http("").toString());
        forged.find(By.cssSelector("#signin-form summary")).click();
        forged.type(By.id("signin-token"), new Jwts().token("tia"));
        forged.find(By.cssSelector("#signin-form button[type=submit]")).click();
        // The refused handshake looks like a dead server to the browser; the page asks the HTTP API.
        forged.until(d -> forged.find(By.id("signin-error")).getText().startsWith("Could not sign in: "),
                "the page saying the token was refused");
        forged.screenshot("signin-token-refused");
        assertTrue(forged.find(By.id("app")).getAttribute("hidden") != null, "the chat stays hidden");
    }

    private static boolean isPresence(JsonObject frame, String event, String user) {
        return "presence".equals(frame.getString("type")) && event.equals(frame.getJsonObject("data").getString("event"))
                && user.equals(frame.getJsonObject("data").getString("user"));
    }

    private static boolean imageLoaded(Browser browser) {
        return Boolean.TRUE.equals(browser.script(
                "const i = document.querySelector('#timelines img.shared-image'); return !!i && i.complete && i.naturalWidth > 0;"));
    }

    private static String notify(String user, String title, String body) throws Exception {
        return post("test/notify?user=" + encode(user, UTF_8) + "&title=" + encode(title, UTF_8) + "&body=" + encode(body, UTF_8));
    }

    private static String post(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(Server.http(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** A small picture to share: a mock-up of a phone screen. */
    private static Path sampleImage() throws IOException {
        BufferedImage image = new BufferedImage(240, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2f5bd3), 240, 160, new Color(0x7b4fd6)));
        g.fillRect(0, 0, 240, 160);
        g.setColor(Color.WHITE);
        g.fillRoundRect(80, 16, 80, 128, 16, 16);
        g.setColor(new Color(0x2f5bd3));
        g.fillRoundRect(88, 28, 64, 14, 6, 6);
        g.setColor(new Color(0xdde2ec));
        for (int y = 50; y < 130; y += 16) {
            g.fillRoundRect(88, y, 64, 10, 5, 5);
        }
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("v2", 20, 30);
        g.dispose();
        Path file = Path.of("target", "mockup.png").toAbsolutePath();
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
