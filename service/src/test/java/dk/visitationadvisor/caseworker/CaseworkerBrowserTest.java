package dk.visitationadvisor.caseworker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dk.visitationadvisor.support.TestAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworker's pages in a real browser: headless Chromium from Debian's packages, driven through
 * the form as a caseworker would, with axe-core checking each page for accessibility problems.
 * Screenshots, a PDF of a result and the axe reports are left in {@code target/screenshots/}.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseworkerBrowserTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("advisor.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("advisor.test.chromedriver",
            "/usr/bin/chromedriver"));
    /** Relative to the module, where Surefire runs the tests: service/target/screenshots. */
    static final Path ARTEFACTS = Path.of("target", "screenshots");
    private static final Dimension WINDOW = new Dimension(1280, 900);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ChromeDriver browser;
    private static Path profile;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startChromium() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's chromium and chromium-driver at " + CHROMIUM + " and " + CHROMEDRIVER
                    + ". Install them (as root: apt-get install chromium chromium-driver; .ci/run does), point "
                    + "-Dadvisor.test.chromium and -Dadvisor.test.chromedriver at them, or leave these tests out with "
                    + "mvn verify -Dexcluded.test.groups=postgresql,browser");
        }
        profile = Files.createTempDirectory("advisor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // No network but loopback here: Chromium's own background connections are turned off.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + WINDOW.width + "," + WINDOW.height,
                "--hide-scrollbars");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        Files.createDirectories(ARTEFACTS);
        Files.deleteIfExists(ARTEFACTS.resolve("axe-summary.txt"));
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
    }

    @BeforeEach
    void danishAndAFreshWindow() {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(WINDOW);
    }

    @Test
    void asksForASignInFirstOnAnAccessiblePage() throws IOException {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).contains("/login");
        assertThat(text("h1")).isEqualTo("Log ind");
        checkAccessibility("login");
        open("/");
        assertThat(text("h1")).isEqualTo("Vurdér en familie");
    }

    @Test
    void assessesAnEligibleFamilyAndShowsTheExplainedRecommendation() throws IOException {
        open("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Vurdér en familie");
        fillInThePregnantMother("WEB-" + shortId(), "SIGNIFICANT");
        checkAccessibility("form");
        screenshot("01-form-filled-in");
        submit();

        assertThat(text("#recommendation-heading")).contains("Anbefalet indsats", "Den intensive spædeindsats");
        assertThat(text("#programme-INTENSIVE_INFANT .status")).isEqualTo("Opfylder kriterierne");
        assertThat(text("#programme-FAMILY_PLACEMENT .status")).isEqualTo("Opfylder kriterierne");
        WebElement risk = browser.findElement(By.cssSelector("#programme-INTENSIVE_INFANT li[data-code='IS-IN-RISK']"));
        assertThat(risk.getText()).contains("Forældrene har mindst 2 af de forbundne problematikker",
                "Forælder 1 · Forhold, der kendetegner forælderen: Traumer i egen opvækst",
                "Kilde: Socialstyrelsen: Den intensive spædeindsats i Holstebro Kommune");
        assertThat(text("#visit-plan dl")).contains("3–5");
        assertThat(browser.findElements(By.id("escalations"))).isEmpty();
        checkAccessibility("result");
        screenshot("02-result-eligible");
        Files.write(ARTEFACTS.resolve("02-result-eligible.pdf"),
                Base64.getDecoder().decode(browser.print(new PrintOptions()).getContent()));
    }

    @Test
    void showsEscalationsFirstAndMarkedByTheirSeverity() {
        open("/");
        fillInThePregnantMother("WEB-" + shortId(), "SIGNIFICANT");
        type("pregnancy-gestationalWeek", "33");
        choose("course-programme", "INTENSIVE_INFANT");
        choose("course-phase", "PRENATAL");
        click("course-statusLetterSent-false");
        type("measurements-epds", "14");
        type("measurements-epdsSelfHarm", "1");
        choose("measurements-epdsRespondent", "MOTHER");
        submit();

        List<WebElement> escalations = browser.findElements(By.cssSelector("#urgent .escalation, #to-do .escalation"));
        assertThat(escalations).hasSize(3);
        assertThat(escalations.get(0).getAttribute("class")).contains("severity-urgent");
        assertThat(escalations.get(0).findElement(By.tagName("h3")).getText())
                .isEqualTo("Akut Tegn på depression hos en forælder");
        assertThat(escalations.get(0).getText()).contains("Gør nu:", "EPDS");
        assertThat(escalations.get(2).findElement(By.tagName("h3")).getText())
                .isEqualTo("Advarsel Statusbrev omkring uge 32");
        assertThat(top("#urgent")).isLessThan(top("#to-do"));
        assertThat(top("#to-do")).isLessThan(top("#recommendation"));
        assertThat(top("#recommendation")).isLessThan(top(".programmes"));
        checkAccessibility("result-with-escalations");
        screenshot("03-result-with-escalations");
    }

    @Test
    void showsAnAcuteCaseUrgentFirstAboveTheFoldOnAPhone() {
        open("/");
        fillInThePregnantMother("WEB-" + shortId(), "ACUTE");
        submit();

        onAPhone(() -> {
            browser.navigate().refresh();
            WebElement urgent = browser.findElement(By.cssSelector("#urgent .escalation"));
            assertThat(urgent.getText()).contains("Akut", "Akut bekymring for barnets sikkerhed", "Gør nu:",
                    "Kontakt myndigheden");
            Number actionBottom = (Number) js("return arguments[0].getBoundingClientRect().bottom",
                    urgent.findElement(By.cssSelector(".action")));
            assertThat(actionBottom.doubleValue()).as("what to do now, above the fold at 390×844").isLessThanOrEqualTo(844);
            Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(390);
            checkAccessibility("result-acute-phone");
            screenshot("06-result-acute-phone", 390);
        });
        assertThat(top("#urgent")).isLessThan(top("#recommendation"));
        assertThat(text("#recommendation-heading")).isEqualTo("Ingen indsats anbefales, før myndigheden har taget stilling");
        if (!browser.findElements(By.id("missing")).isEmpty()) {
            assertThat(top("#missing")).isGreaterThan(top("#recommendation"));
        }
    }

    @Test
    void saysAFamilyExcludedFromBothIsExcludedNotYetToBeDecided() {
        open("/");
        type("caseRef", "WEB-" + shortId());
        click("pregnancy-false");
        click("child-true");
        date("child-birthDate", "2019-05-01");
        submit();

        assertThat(text("#programme-INTENSIVE_INFANT .status")).isEqualTo("Opfylder ikke kriterierne");
        assertThat(text("#programme-FAMILY_PLACEMENT .status")).isEqualTo("Opfylder ikke kriterierne");
        assertThat(text("#recommendation-heading")).isEqualTo("Familien er udelukket fra begge indsatser");
        assertThat(browser.getPageSource()).doesNotContain("Ingen indsats kan anbefales endnu");
        assertThat(browser.findElements(By.id("missing"))).as("nothing missing can change an exclusion").isEmpty();
        for (WebElement badge : browser.findElements(By.cssSelector(".group-excluding .outcome"))) {
            assertThat(badge.getText()).isIn("Ikke opfyldt", "Udelukker");
            assertThat(badge.getAttribute("class")).doesNotContain("outcome-met");
        }
        checkAccessibility("result-excluded");
    }

    @Test
    void saysWhichOfTheTickedRiskFactorsCountedForEachProgramme() {
        open("/");
        fillInThePregnantMother("WEB-" + shortId(), "SIGNIFICANT");
        click("parents-0-riskFactors-ECONOMIC_PROBLEMS");
        submit();

        String counted = text("#programme-INTENSIVE_INFANT .factors-counted");
        assertThat(counted).contains("Talte med:", "Traumer i egen opvækst", "Talte ikke med for denne indsats:",
                "Økonomiske udfordringer");
    }

    @Test
    void leavesUnansweredUnknownAndTakesUpToFourAdults() {
        open("/");
        for (String answer : List.of("pregnancy-true", "pregnancy-false", "child-true", "child-false")) {
            assertThat(browser.findElement(By.id(answer)).isSelected()).as(answer + " not chosen for the caseworker").isFalse();
        }
        for (int i = 0; i < 4; i++) {
            assertThat(browser.findElements(By.id("parents-" + i + "-participates"))).as("adult " + (i + 1)).hasSize(1);
        }
        assertThat(browser.findElements(By.id("parents-4-role"))).isEmpty();
        type("caseRef", "WEB-" + shortId());
        choose("parents-0-role", "MOTHER");
        choose("parents-3-role", "FATHER");
        click("parents-3-participates-false");
        submit();

        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("focus on the first missing field that matters, in its step").isEqualTo("pregnancy-true");
        assertThat(browser.findElement(By.id("pregnancy-true")).isDisplayed()).isTrue();
        assertThat(text("#error-summary")).contains("Venter familien barn?", "Er barnet født?");
        click("pregnancy-false");
        click("child-true");
        date("child-birthDate", "2026-09-01");
        submit();
        assertThat(browser.getCurrentUrl()).contains("/assessments/");

        browser.findElement(By.linkText("Ny vurdering af familien")).click();
        assertThat(new Select(browser.findElement(By.id("parents-1-role"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("FATHER");
        assertThat(browser.findElement(By.id("parents-1-participates-false")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("child-true")).isSelected()).isTrue();
        checkAccessibility("form-four-adults");
    }

    @Test
    void recordsAndAmendsTheDecisionAsTheSignedInCaseworkerAndShowsItOnTheTimeline() {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "SIGNIFICANT");
        submit();
        assertThat(text("#to-do")).contains("Registrér din beslutning");

        click("decision-outcome-OVERRIDDEN");
        choose("decision-programme", "FAMILY_PLACEMENT");
        submitDecision();
        assertThat(text("#decision-reason-error")).isNotBlank();
        assertThat(browser.findElement(By.id("decision-reason")).getAttribute("aria-invalid")).isEqualTo("true");
        checkAccessibility("result-decision-message");

        type("decision-reason", "Moren ønsker et døgnophold; netværket kan ikke støtte hjemme.");
        submitDecision();
        assertThat(text("#decision .decision-current")).contains("Anbefalingen fraveget", "Familieanbringelse",
                "Moren ønsker et døgnophold", TestAccount.USERNAME, "Afventer godkendelse");
        assertThat(browser.findElements(By.cssSelector("#decision-form input[name='decidedBy']")))
                .as("who decided is the signed-in person, not a field").isEmpty();

        browser.findElement(By.cssSelector(".decision-form > summary")).click();
        click("decision-outcome-FOLLOWED");
        type("decision-reason", "Efter samtale med familien følges anbefalingen alligevel.");
        submitDecision();
        assertThat(text("#decision .decision-current")).contains("Anbefalingen fulgt", "Den intensive spædeindsats");
        assertThat(text("#decision .decision-history")).contains("Tidligere beslutninger", "Anbefalingen fraveget",
                "Moren ønsker et døgnophold", "ændret af " + TestAccount.USERNAME);
        checkAccessibility("result-decision");

        browser.findElement(By.cssSelector(".actions a[href*='/cases?ref=']")).click();
        assertThat(text(".timeline-table tbody tr .timeline-decision")).contains("Anbefalingen fulgt",
                "Den intensive spædeindsats", "(af " + TestAccount.USERNAME + ")");
    }

    @Test
    void printsAJournalNoteOfAtMostTwoA4PagesWithTheDecision() throws IOException {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "SIGNIFICANT");
        click("parents-0-riskFactors-ECONOMIC_PROBLEMS");
        type("pregnancy-gestationalWeek", "33");
        choose("course-programme", "INTENSIVE_INFANT");
        choose("course-phase", "PRENATAL");
        click("course-statusLetterSent-false");
        type("measurements-epds", "14");
        type("measurements-epdsSelfHarm", "1");
        choose("measurements-epdsRespondent", "MOTHER");
        submit();
        click("decision-outcome-OVERRIDDEN");
        choose("decision-programme", "FAMILY_PLACEMENT");
        type("decision-reason", "Moren ønsker døgnophold efter samtale med sundhedsplejen.");
        submitDecision();

        browser.findElement(By.linkText("Journalnotat")).click();
        String note = text("main");
        assertThat(note).contains("Journalnotat: visitation af sag " + caseRef, "Vurderet af", TestAccount.USERNAME,
                "Regelsættets version", "Akut", "Tegn på depression hos en forælder", "Anbefaling og begrundelse",
                "(Socialstyrelsen", "Anbefalingen fraveget: Familieanbringelse", "Moren ønsker døgnophold", "Ukendt:",
                "Ikke målt:", "Venter familien barn?", "Er barnet født?");
        assertThat(note).doesNotContain("INTENSIVE_INFANT", "ESC-", "IS-IN-");
        checkAccessibility("note");
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
        Files.write(ARTEFACTS.resolve("07-journal-note.pdf"), pdf);
        Matcher count = Pattern.compile("/Type /Pages\\b[^>]*?/Count (\\d+)|/Count (\\d+)[^>]*?/Type /Pages")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        assertThat(count.find()).as("the PDF's page tree").isTrue();
        int pages = Integer.parseInt(count.group(1) != null ? count.group(1) : count.group(2));
        assertThat(pages).as("A4 pages of the journal note").isBetween(1, 2);
    }

    @Test
    void findsTheCaseInTheCaseListIgnoringCaseAndOpensItsTimelineInOneClick() {
        String caseRef = "Web-List-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "MODERATE");
        submit();

        browser.findElement(By.linkText("Sager")).click();
        assertThat(text("#cases-heading")).isEqualTo("Senest vurderede sager");
        assertThat(text(".cases-table tbody tr")).as("the newest case first").contains(caseRef, TestAccount.USERNAME);
        checkAccessibility("case-list");

        type("ref", caseRef.substring(4).toUpperCase(java.util.Locale.ROOT));
        WebElement unsearched = browser.findElement(By.cssSelector(".cases-table"));
        browser.findElement(By.cssSelector(".case-search button[type='submit']")).click();
        // The search is a new page: wait for it, not for the list that was there before.
        waitUntilGone(unsearched);
        List<WebElement> found = browser.findElements(By.cssSelector(".cases-table tbody tr"));
        assertThat(found).hasSize(1);
        found.get(0).findElement(By.linkText(caseRef)).click();
        assertThat(text("h1")).isEqualTo("Sagens forløb: " + caseRef);
        assertThat(browser.findElements(By.cssSelector(".timeline-table tbody tr"))).hasSize(1);
    }

    @Test
    void reflowsAt320PixelsWithoutHorizontalScrollingAndChartTextOf12PixelsAtLeast() {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "MODERATE");
        date("assessmentDate", "2026-10-01");
        type("measurements-ors", "31");
        choose("measurements-orsRater", "PARENT");
        type("measurements-epds", "7");
        choose("measurements-epdsRespondent", "MOTHER");
        submit();
        browser.findElement(By.linkText("Ny vurdering af familien")).click();
        choose("concern-level", "SIGNIFICANT");
        type("measurements-ors", "24");
        choose("measurements-orsRater", "PARENT");
        submit();
        String result = browser.getCurrentUrl();

        inViewport(320, 640, () -> {
            for (String page : List.of("/", result, result + "/note", "/cases?ref=" + caseRef, "/cases")) {
                browser.get(page.startsWith("http") ? page : "http://localhost:" + port + page);
                Number scrollWidth = (Number) js("return document.documentElement.scrollWidth");
                assertThat(scrollWidth.intValue()).as("horizontal scrolling at 320 px on " + page).isLessThanOrEqualTo(320);
            }
            browser.get("http://localhost:" + port + "/cases?ref=" + caseRef);
            @SuppressWarnings("unchecked")
            List<Number> sizes = (List<Number>) js("return Array.from(document.querySelectorAll('.chart svg text'))"
                    + ".map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a)");
            assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size.doubleValue()).isGreaterThanOrEqualTo(12));
            WebElement concern = browser.findElement(By.cssSelector(".timeline-table tbody tr td[data-label]"));
            assertThat(js("return getComputedStyle(arguments[0]).display", concern)).isEqualTo("block");
            assertThat((String) js("return getComputedStyle(arguments[0], '::before').content", concern))
                    .as("a table row stacked, each value with its column's name").contains("Bekymringsgrad");
            checkAccessibility("timeline-320");
            screenshot("08-timeline-320", 320);
        });
    }

    @Test
    void sendingTheSameFormTwiceMakesOneAssessment() {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "SIGNIFICANT");
        Object urls = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.getElementById('family-form');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))});
                Promise.all([send(), send()]).then(rs => done(rs.map(r => r.url))).catch(e => done(String(e)));
                """);
        assertThat(urls).asList().hasSize(2);
        List<?> both = (List<?>) urls;
        assertThat(both.get(0)).asString().contains("/assessments/");
        assertThat(both.get(1)).isEqualTo(both.get(0));
        open("/cases?ref=" + caseRef);
        assertThat(browser.findElements(By.cssSelector(".timeline-table tbody tr"))).hasSize(1);
    }

    @Test
    void keepsWhatIsTypedAsADraftThatOutlivesTheSession() {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "SIGNIFICANT");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> browser.findElement(By.id("family-form")).getAttribute("data-draft-saved") != null);
        String savedAt = browser.findElement(By.id("family-form")).getAttribute("data-draft-saved");
        type("olderSiblings", "2");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                !savedAt.equals(browser.findElement(By.id("family-form")).getAttribute("data-draft-saved")));

        browser.manage().deleteAllCookies();
        open("/");
        assertThat(text("#drafts-heading")).isEqualTo("Dine kladder");
        checkAccessibility("form-with-draft");
        browser.findElement(By.linkText("Fortsæt med sag " + caseRef)).click();
        assertThat(browser.findElement(By.id("caseRef")).getAttribute("value")).isEqualTo(caseRef);
        assertThat(browser.findElement(By.id("pregnancy-true")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("pregnancy-gestationalWeek")).getAttribute("value")).isEqualTo("24");
        assertThat(browser.findElement(By.id("olderSiblings")).getAttribute("value")).isEqualTo("2");
        submit();
        assertThat(browser.getCurrentUrl()).contains("/assessments/");
        open("/");
        assertThat(browser.findElements(By.linkText("Fortsæt med sag " + caseRef))).as("the draft is gone once assessed")
                .isEmpty();
    }

    @Test
    void showsTheServersMessageByTheFieldForACprNumber() {
        open("/");
        type("caseRef", "010190-1234");
        submit();

        assertThat(text("#caseRef-error")).isEqualTo("må ikke indeholde et CPR-nummer; brug en pseudonym reference");
        assertThat(browser.findElement(By.id("caseRef")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("caseRef");
        assertThat(text("#error-summary")).contains("Sagsreference: må ikke indeholde et CPR-nummer");
        checkAccessibility("form-with-message");
        screenshot("04-form-server-message");
    }

    @Test
    void hintsAnOutOfRangeValueBeforeTheFormIsSent() {
        open("/");
        type("caseRef", "WEB-" + shortId());
        click("pregnancy-true");
        click("child-false");
        type("pregnancy-gestationalWeek", "99");
        submit();

        assertThat(browser.getCurrentUrl()).endsWith(":" + port + "/");
        assertThat(text("#pregnancy-gestationalWeek-error")).isEqualTo("Skal være et helt tal fra 1 til 45.");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("pregnancy-gestationalWeek");
    }

    @Test
    void followsTheCaseOnItsTimeline() {
        String caseRef = "WEB-" + shortId();
        open("/");
        fillInThePregnantMother(caseRef, "MODERATE");
        date("assessmentDate", "2026-10-01");
        type("measurements-ors", "31");
        choose("measurements-orsRater", "PARENT");
        type("measurements-epds", "7");
        choose("measurements-epdsRespondent", "MOTHER");
        submit();
        assertThat(text("#programme-INTENSIVE_INFANT .status")).isEqualTo("Opfylder ikke kriterierne");

        browser.findElement(By.linkText("Ny vurdering af familien")).click();
        assertThat(browser.findElement(By.id("caseRef")).getAttribute("value")).isEqualTo(caseRef);
        assertThat(browser.findElement(By.id("pregnancy-gestationalWeek")).getAttribute("value"))
                .as("the week counted on from 1 October, not copied")
                .isEqualTo(String.valueOf(24 + ChronoUnit.WEEKS.between(LocalDate.of(2026, 10, 1), LocalDate.now())));
        assertThat(browser.findElement(By.id("measurements-epds")).getAttribute("value")).as("scores asked again").isEmpty();
        choose("concern-level", "SIGNIFICANT");
        type("measurements-ors", "24");
        choose("measurements-orsRater", "PARENT");
        type("measurements-epds", "12");
        choose("measurements-epdsRespondent", "MOTHER");
        submit();
        browser.findElement(By.cssSelector(".actions a[href*='/cases?ref=']")).click();

        assertThat(text("h1")).isEqualTo("Sagens forløb: " + caseRef);
        List<WebElement> rows = browser.findElements(By.cssSelector(".timeline-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("Betydelig", "Opfylder kriterierne", "ændret",
                "Bekymringen er steget");
        assertThat(rows.get(1).getText()).contains("Moderat", "Opfylder ikke kriterierne");
        assertThat(browser.findElements(By.cssSelector("#chart-concern circle"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#chart-ors circle"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("#chart-epds circle"))).hasSize(2);
        checkAccessibility("timeline");
        screenshot("05-timeline");
    }

    @Test
    void walksTheStepsAndShowsTheAnswersToCheckBeforeSending() {
        String caseRef = "WEB-" + shortId();
        open("/");
        assertThat(browser.findElement(By.id("form-steps")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("[aria-current='step']")).getText()).isEqualTo("1. Familien");
        assertThat(browser.findElement(By.id("caseRef")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("parents-0-role")).isDisplayed()).as("the parents are the next step").isFalse();
        assertThat(browser.findElement(By.cssSelector("#family-form button[type='submit']")).isDisplayed())
                .as("sent only after the answers are checked").isFalse();
        type("caseRef", caseRef);
        click("pregnancy-true");
        type("pregnancy-gestationalWeek", "24");
        click("child-false");
        onAPhone(() -> {
            assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
            screenshot("08-form-step-phone", 390);
        });

        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            steps.add(browser.findElement(By.cssSelector("[aria-current='step']")).getText());
            if (i == 1) {
                assertThat(browser.findElement(By.id("parents-0-role")).isDisplayed()).isTrue();
                assertThat(browser.findElement(By.id("caseRef")).isDisplayed()).isFalse();
                new Select(browser.findElement(By.id("parents-0-role"))).selectByValue("MOTHER");
            }
            if (i == 2) {
                click("concern-childSafetyConcern-false");
            }
            WebElement next = browser.findElement(By.cssSelector("[data-step-move='1']"));
            assertThat(next.getText()).isEqualTo(i == 4 ? "Tjek dine svar" : "Næste trin");
            next.click();
            assertThat(browser.switchTo().activeElement().getTagName()).as("focus on the step's heading").isEqualTo("h2");
        }
        assertThat(steps).containsExactly("1. Familien", "2. Forældrene", "3. Bekymringen", "4. Forløb", "5. Målinger");
        assertThat(browser.findElement(By.cssSelector("[aria-current='step']")).getText()).isEqualTo("6. Tjek dine svar");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("answers-heading");

        Map<String, String> answers = answers();
        assertThat(answers).containsEntry("Sagsreference", caseRef)
                .containsEntry("Venter familien barn?", "Ja")
                .containsEntry("Graviditetsuge", "24")
                .containsEntry("Er barnet født?", "Nej")
                .containsEntry("Rolle", "Mor")
                .containsEntry("Er der bekymring for barnets sikkerhed, trivsel eller udvikling?", "Nej")
                .containsEntry("Bolig", "Ikke besvaret")
                .containsEntry("Samtykker forældrene til et frivilligt ophold?", "Ikke besvaret")
                .containsEntry("Forælder 2", "Ikke besvaret")
                .containsEntry("Målinger", "Ikke besvaret");
        assertThat(answers.entrySet()).filteredOn(answer -> answer.getValue().equals("Nej")).extracting(Map.Entry::getKey)
                .as("only what was answered no says no").containsExactlyInAnyOrder("Er barnet født?",
                        "Er der bekymring for barnets sikkerhed, trivsel eller udvikling?");
        checkAccessibility("form-answers");
        screenshot("08-form-answers");
        inViewport(320, 700, () -> assertThat(((Number) js("return document.documentElement.scrollWidth")).intValue())
                .as("the answers reflow at 320 px").isLessThanOrEqualTo(320));
        onAPhone(() -> screenshot("08-form-answers-phone", 390));

        // Change an answer from the summary: to the field, in its step, focused; back to the answers.
        browser.findElement(By.cssSelector("#answers-list a[data-changes='housing']")).click();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("housing");
        assertThat(browser.findElement(By.cssSelector("[aria-current='step']")).getText()).isEqualTo("1. Familien");
        new Select(browser.findElement(By.id("housing"))).selectByValue("STABLE");
        browser.findElement(By.cssSelector("[data-step-go='answers']")).click();
        assertThat(answers()).containsEntry("Bolig", "Stabil bolig");

        submit();
        assertThat(browser.getCurrentUrl()).contains("/assessments/");
        assertThat(text("h1")).isNotBlank();
    }

    @Test
    void canBeFilledInAndSentWithTheKeyboardAlone() {
        open("/");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Spring til indholdet");
        List<String> visited = new ArrayList<>();
        for (int i = 0; i < 24 && !"caseRef".equals(visited.isEmpty() ? null : visited.get(visited.size() - 1)); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            visited.add(browser.switchTo().activeElement().getAttribute("id"));
        }
        assertThat(visited).endsWith("caseRef");
        browser.switchTo().activeElement().sendKeys("WEB-" + shortId());
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id"))
                .as("Enter shows the answers to check first").isEqualTo("answers-heading");
        sendWithTheKeyboard();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("error-summary")));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("pregnancy-true");
        assertThat(text("#error-summary")).contains("Venter familien barn?", "Er barnet født?");
        browser.findElement(By.id("pregnancy-false")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("child-false")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("caseRef")).sendKeys(Keys.ENTER);
        sendWithTheKeyboard();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlMatches("/assessments/"));
        assertThat(text("#recommendation-heading")).isEqualTo("Ingen indsats kan anbefales endnu");
        assertThat(text("#missing-heading")).startsWith("Manglende oplysninger");
    }

    @Test
    void speaksEnglishWhenChosen() {
        open("/");
        browser.findElement(By.linkText("English")).click();
        assertThat(text("h1")).isEqualTo("Assess a family");
        assertThat(text("label[for='caseRef']")).isEqualTo("Case reference");
        open("/cases");
        assertThat(text("h1")).isEqualTo("Cases");
    }

    @Test
    void showsTheWhatIfAnalysisOnRequestAndKeepsThePageAccessible() throws IOException {
        open("/");
        fillInThePregnantMother("WEB-" + shortId(), "SIGNIFICANT");
        choose("housing", "");
        submit();
        assertThat(browser.findElements(By.cssSelector(".ranked-fact"))).isEmpty();

        clickAndWait("what-if-rank");
        assertThat(browser.getCurrentUrl()).contains("/what-if?rank=true").endsWith("#missing");
        List<WebElement> facts = browser.findElements(By.cssSelector("#ranked-missing li.ranked-fact"));
        assertThat(facts).isNotEmpty();
        assertThat(facts.get(0).findElement(By.cssSelector(".fact-label")).getText()).isEqualTo("Bolig");
        assertThat(facts.get(0).findElement(By.cssSelector(".badge")).getText()).isEqualTo("Afgør anbefalingen");
        assertThat(facts.get(0).getText()).contains("Sådan skaffes oplysningen: Spørg forældrene om deres boligsituation.");
        assertThat(top("#to-do")).isLessThan(top("#recommendation"));
        assertThat(top("#recommendation")).isLessThan(top("#ranked-missing"));

        checkAccessibility("result-ranked");

        // A family without consent: the family placement is not eligible; what would have to be different?
        open("/");
        fillInThePregnantMother("WEB-" + shortId(), "SIGNIFICANT");
        choose("housing", "");
        click("consent-false");
        submit();
        assertThat(browser.findElements(By.cssSelector("#what-if li.counterfactual"))).isEmpty();
        clickAndWait("what-if-counterfactuals");
        assertThat(browser.getCurrentUrl()).contains("/what-if?counterfactuals=true").endsWith("#what-if");
        assertThat(text("#what-if")).contains("Hvad skulle være anderledes?", "Familieanbringelse ville være relevant, hvis",
                "Afprøvet:");
        assertThat(top("#recommendation")).isLessThan(top("#what-if"));
        checkAccessibility("result-what-if");
        screenshot("result-what-if");
    }

    /** Clicks a button that loads another page, and waits for it. */
    private void clickAndWait(String id) {
        WebElement old = browser.findElement(By.tagName("html"));
        click(id);
        waitUntilGone(old);
    }

    /**
     * Waits for the next page: until an element of the page before is gone. Mid-navigation Chrome may
     * answer a look at such an element with "Node with given id does not belong to the document"
     * instead of "stale"; both say the old page is gone.
     */
    private void waitUntilGone(WebElement old) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    // --- the browser --------------------------------------------------------------------------

    /** Opens a page, signing in first when the service asks for it, as a caseworker would. */
    private void open(String path) {
        browser.get("http://localhost:" + port + path);
        if (browser.getCurrentUrl().contains("/login")) {
            browser.findElement(By.id("username")).sendKeys(TestAccount.USERNAME);
            browser.findElement(By.id("password")).sendKeys(TestAccount.password());
            browser.findElement(By.cssSelector("form.login-form button[type='submit']")).click();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !driver.getCurrentUrl().contains("/login"));
        }
    }

    private double top(String css) {
        return ((Number) js("return document.querySelector(arguments[0]).getBoundingClientRect().top + window.scrollY",
                css)).doubleValue();
    }

    /** Runs the checks in a phone's viewport, 390×844 CSS pixels, as an iPhone 12–14 shows a page. */
    private void onAPhone(Runnable checks) {
        inViewport(390, 844, checks);
    }

    private void inViewport(int width, int height, Runnable checks) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        try {
            checks.run();
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** The element, with the folded section it is in opened as a caseworker would: by its heading. */
    private WebElement find(String id) {
        WebElement element = browser.findElement(By.id(id));
        js("var p = arguments[0].closest('[data-step]'); if (p && p.hidden) "
                + "document.querySelector('[data-step-go=\"' + p.dataset.step + '\"]').click();", element);
        List<WebElement> folded = element.findElements(By.xpath("ancestor::details[not(@open)]/summary"));
        if (!folded.isEmpty()) {
            js("arguments[0].scrollIntoView({block: 'center'})", folded.get(0));
            folded.get(0).click();
        }
        return element;
    }

    /** From the answers to check, Tab to the send button and press Enter, as a keyboard user would. */
    private void sendWithTheKeyboard() {
        for (int i = 0; i < 200 && !"submit".equals(browser.switchTo().activeElement().getAttribute("type")); i++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getAttribute("type")).isEqualTo("submit");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
    }

    /** The answers to check, by question, as the summary shows them (one per section for one folded away). */
    @SuppressWarnings("unchecked")
    private Map<String, String> answers() {
        List<List<String>> rows = (List<List<String>>) js("return Array.from(document.querySelectorAll('#answers-list dt'))"
                + ".map(dt => [dt.textContent, dt.nextElementSibling.querySelector('.answer').textContent])");
        Map<String, String> answers = new java.util.LinkedHashMap<>();
        rows.forEach(row -> answers.putIfAbsent(row.get(0), row.get(1)));
        return answers;
    }

    private void type(String id, String text) {
        WebElement input = find(id);
        input.clear();
        input.sendKeys(text);
    }

    private void click(String id) {
        WebElement element = find(id);
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void choose(String id, String value) {
        new Select(find(id)).selectByValue(value);
    }

    /** A date input is typed in the browser's own date format; the value is set directly instead. */
    private void date(String id, String isoDate) {
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                browser.findElement(By.id(id)), isoDate);
    }

    private void submit() {
        String before = browser.getCurrentUrl();
        WebElement button = browser.findElement(By.cssSelector("#family-form button[type='submit']"));
        if (!button.isDisplayed()) {
            browser.findElement(By.cssSelector("[data-step-go='answers']")).click();
        }
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !before.equals(driver.getCurrentUrl())
                || !driver.findElements(By.cssSelector(".field-error:not(:empty)")).isEmpty());
    }

    private void submitDecision() {
        WebElement button = browser.findElement(By.cssSelector("#decision-form button[type='submit']"));
        js("arguments[0].scrollIntoView({block: 'center'})", button);
        WebElement old = browser.findElement(By.tagName("html"));
        button.click();
        waitUntilGone(old);
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The contract's example family, entered as a caseworker would: clicks, choices and typing. */
    private void fillInThePregnantMother(String caseRef, String concernLevel) {
        type("caseRef", caseRef);
        click("pregnancy-true");
        type("pregnancy-gestationalWeek", "24");
        click("child-false");
        type("olderSiblings", "1");
        choose("housing", "STABLE");
        choose("network", "LIMITED");
        click("consent-true");
        choose("parents-0-role", "MOTHER");
        click("parents-0-riskFactors-LOW_MENTALIZATION");
        click("parents-0-riskFactors-CHILDHOOD_TRAUMA");
        choose("parents-0-substanceUse", "NONE");
        click("parents-0-retentionAgreement-false");
        choose("parents-0-mentalIllness", "MILD_MODERATE");
        choose("parents-0-cognitiveFunction", "NORMAL");
        choose("concern-level", concernLevel);
        click("concern-childSafetyConcern-true");
        click("concern-doubtAboutParentingCapacity-true");
        click("concern-placementNecessary-false");
        assertThat(browser.findElement(By.id("parents-0-riskFactors-known")).isSelected())
                .as("ticking a factor marks the factors looked into").isTrue();
    }

    /** The whole page, however long, as a PNG in target/screenshots (Chromium's own full-page capture). */
    private void screenshot(String name) {
        screenshot(name, WINDOW.width);
    }

    private void screenshot(String name, int width) {
        Number height = (Number) js("return document.documentElement.scrollHeight");
        Map<String, Object> capture = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                        "height", height.intValue(), "scale", 1)));
        try {
            Files.write(ARTEFACTS.resolve(name + ".png"), Base64.getDecoder().decode((String) capture.get("data")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs axe-core in the page, writes its report, and fails on any serious or critical violation.
     * The report is summed up by impact in target/screenshots/axe-summary.txt.
     */
    private void checkAccessibility(String page) {
        js(axeSource());
        Object result = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(r => done(JSON.stringify({violations: r.violations, passes: r.passes.length})))
                    .catch(e => done(JSON.stringify({error: String(e)})));
                """);
        JsonNode report = JSON.readTree((String) result);
        assertThat(report.has("error")).as("axe-core ran: " + report.path("error").asString("")).isFalse();
        Map<String, Integer> byImpact = new TreeMap<>();
        List<String> serious = new ArrayList<>();
        for (JsonNode violation : report.path("violations")) {
            String impact = violation.path("impact").asString("unknown");
            byImpact.merge(impact, violation.path("nodes").size(), Integer::sum);
            if (impact.equals("serious") || impact.equals("critical")) {
                serious.add(violation.path("id").asString() + " (" + impact + "): " + violation.path("help").asString()
                        + " at " + violation.path("nodes").path(0).path("target"));
            }
        }
        try {
            Files.writeString(ARTEFACTS.resolve("axe-" + page + ".json"), (String) result);
            Files.writeString(ARTEFACTS.resolve("axe-summary.txt"), page + ": " + report.path("passes").asInt()
                    + " rules passed; violations by impact (nodes): " + byImpact + System.lineSeparator(),
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(serious).as("serious or critical accessibility violations on the " + page + " page").isEmpty();
    }

    private static String axeSource() {
        try (InputStream in = CaseworkerBrowserTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path (com.deque.html.axe-core:selenium)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
