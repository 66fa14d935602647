"""Browser tests of the Django admin: Debian's Chromium driven by Playwright against pytest-django's live_server.

One browser for the whole e2e run and a fresh browser context (cookies, storage, cache) per test. Tests sign in
with a session cookie (`admin_page`); test_login.py drives the login form itself.
"""

import os
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from customers.models import Customer

CHROMIUM = Path("/usr/bin/chromium")
# Screenshots of the browser tests, kept by CI as artifacts (E2E_ARTIFACTS overrides; ignored by git).
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", Path(__file__).resolve().parents[2] / "artifacts" / "e2e"))
STAFF_EMAIL = "staff@e2e.example"
STAFF_PASSWORD = "e2e-staff-password-42"
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package")
def browser():
    """Debian's Chromium (never a downloaded browser), started once for every test in tests/e2e."""
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an asyncio event loop in the main thread for as long as it is started,
    # so Django's async-safety guard sees a running loop and raises SynchronousOnlyOperation on every ORM
    # call made in a test body or fixture (the test code itself is plain synchronous code; the live
    # server answers the browser from its own thread). DJANGO_ALLOW_ASYNC_UNSAFE turns the guard off.
    # It is set only while the browser is up and restored afterwards: the package scope stops the loop
    # when the e2e tests are done, so the rest of the suite keeps the guard.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_api.sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a throwaway folder and /media/ is served, so image previews load in the browser."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.ROOT_URLCONF = "tests.e2e.urls"
    yield settings.MEDIA_ROOT
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture
def staff(transactional_db):
    return Customer.objects.create_superuser(email=STAFF_EMAIL, password=STAFF_PASSWORD)


@pytest.fixture
def page(browser, live_server, media_root):
    """A new browser context on the live server: no cookies, storage or cache shared between tests."""
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1366, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    script_errors = []
    page.on("pageerror", lambda error: script_errors.append(str(error)))
    yield page
    context.close()
    assert not script_errors, f"JavaScript errors in the admin: {script_errors}"


def log_in(page, email: str = STAFF_EMAIL, password: str = STAFF_PASSWORD) -> None:
    """Sign in through the admin's login form, as staff do."""
    page.goto("/admin/")
    assert "/admin/login/" in page.url  # anonymous visitors are sent to the login form
    page.fill("#id_username", email)
    page.fill("#id_password", password)
    submit(page, "input[type=submit]")
    assert page.url.endswith("/admin/"), page.url
    assert page.inner_text("#site-name") == "MOOD MNKY back office"


@pytest.fixture
def admin_page(page, staff, live_server):
    """`page`, signed in to /admin/ as a superuser. The login form itself is driven in test_login.py;
    here the session comes from Django's test client, which saves two page loads per test."""
    return signed_in(page, live_server, staff)


def signed_in(page, live_server, user):
    """`page` with a session cookie of `user` (as if they had signed in through the form)."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME,
                               "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                               "url": live_server.url}])
    return page


@pytest.fixture
def shot(page, request):
    """`shot("shipped")` saves a full-page screenshot as artifacts/e2e/<test name>/<NN>-shipped.png."""
    folder = ARTIFACTS / request.node.name.replace("[", "-").replace("]", "")
    counter = iter(range(1, 100))

    def take(name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{next(counter):02d}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


def run_action(page, action: str, *pks) -> None:
    """On a change list: tick the rows, pick the action from the drop-down, press the button."""
    for pk in pks:
        page.check(f"input.action-select[value='{pk}']")
    page.select_option("select[name=action]", action)
    submit(page, "button[name=index]")


def submit(page, selector: str) -> None:
    """Click something that posts a form and wait until the next page has loaded."""
    with page.expect_navigation():
        page.click(selector)


def messages(page) -> list[str]:
    """The admin's message banner, one string per message."""
    return [text.strip() for text in page.locator("ul.messagelist li").all_inner_texts()]


def result_rows(page) -> list[str]:
    """The text of every row of a change list."""
    return page.locator("#result_list tbody tr").all_inner_texts()


def api_call(base_url: str, path: str, *, api_key: str, method: str = "GET") -> tuple[int, bytes]:
    """Call the API as an integration would (a real HTTP request to the live server); (status, body)."""
    request = urllib.request.Request(f"{base_url}{path}", method=method,
                                     headers={"X-API-Key": api_key, "Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()
