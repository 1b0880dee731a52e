package io.egostream.stream.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium (Debian packages {@code chromium} and {@code chromium-driver}) driven by Selenium through
 * the system's chromedriver: nothing is downloaded, a fresh profile directory per browser.
 */
public final class HeadlessChromium {

    /** The Debian chromedriver. */
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The Debian Chromium. */
    public static final Path BROWSER = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /**
     * Starts a headless browser.
     *
     * @param profile an empty directory for the browser profile
     * @param width window width, pixels
     * @param height window height, pixels
     * @return the driver
     * @throws IllegalStateException naming the missing file when Chromium or its driver is not installed
     */
    public static ChromeDriver start(final Path profile, final int width, final int height) {
        for (final Path file : new Path[] {DRIVER, BROWSER}) {
            if (!Files.isExecutable(file)) {
                throw new IllegalStateException(file + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (.ci/install-deps does)");
            }
        }
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + width + "," + height);
        final ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }
}
