from urllib.parse import parse_qs, urlsplit

import pytest

from moodmnky.webhooks.models import Event

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.platform.urls")]
URL = "/api/v1/_test/events/"


def query(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.fixture
def events():
    Event.objects.bulk_create(Event(type="webhook.ping", data={"n": n}) for n in range(57))


def test_list_has_data_meta_and_links(api_client, events):
    response = api_client.get(URL, {"page": 2, "limit": 20})

    body = response.json()
    assert response.status_code == 200
    assert len(body["data"]) == 20
    assert body["meta"] == {"pagination": {"total": 57, "pages": 3, "page": 2, "limit": 20}}
    assert query(body["links"]["self"]) == {"page": "2", "limit": "20"}
    assert query(body["links"]["first"]) == {"page": "1", "limit": "20"}
    assert query(body["links"]["prev"]) == {"page": "1", "limit": "20"}
    assert query(body["links"]["next"]) == {"page": "3", "limit": "20"}
    assert query(body["links"]["last"]) == {"page": "3", "limit": "20"}


def test_defaults_are_page_one_limit_twenty(api_client, events):
    body = api_client.get(URL).json()

    assert body["meta"]["pagination"] == {"total": 57, "pages": 3, "page": 1, "limit": 20}
    assert body["links"]["prev"] is None


def test_last_page_has_no_next(api_client, events):
    body = api_client.get(URL, {"page": 3}).json()

    assert len(body["data"]) == 17
    assert body["links"]["next"] is None


def test_limit_above_max_is_clamped(api_client, events):
    body = api_client.get(URL, {"limit": 1000}).json()

    assert body["meta"]["pagination"]["limit"] == 100
    assert len(body["data"]) == 57
    assert body["meta"]["pagination"]["pages"] == 1


def test_page_past_the_end_is_empty_with_correct_meta(api_client, events):
    body = api_client.get(URL, {"page": 9}).json()

    assert body["data"] == []
    assert body["meta"]["pagination"] == {"total": 57, "pages": 3, "page": 9, "limit": 20}
    assert body["links"]["next"] is None


def test_empty_list_has_zero_pages(api_client):
    body = api_client.get(URL).json()

    assert body["data"] == []
    assert body["meta"]["pagination"] == {"total": 0, "pages": 0, "page": 1, "limit": 20}


@pytest.mark.parametrize("params, field", [
    ({"page": "abc"}, "page"), ({"page": 0}, "page"), ({"page": -1}, "page"),
    ({"limit": "1.5"}, "limit"), ({"limit": 0}, "limit"), ({"limit": "ten"}, "limit"),
])
def test_bad_page_or_limit_is_400(api_client, events, params, field):
    response = api_client.get(URL, params)

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert [d["field"] for d in error["details"]] == [field]


def test_other_query_parameters_survive_in_links(api_client, events):
    body = api_client.get(URL, {"limit": 10, "type": "webhook.ping"}).json()

    assert query(body["links"]["next"]) == {"page": "2", "limit": "10", "type": "webhook.ping"}


def test_query_count_does_not_grow_with_page_size(api_client, events, django_assert_num_queries):
    with django_assert_num_queries(2):  # COUNT(*) and the page
        api_client.get(URL, {"limit": 1})
    with django_assert_num_queries(2):
        api_client.get(URL, {"limit": 100})


def test_order_pagination_defaults_to_ten_and_clamps_at_fifty():
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from moodmnky.api.pagination import OrderPagination

    Event.objects.bulk_create(Event(type="webhook.ping", data={}) for _ in range(60))
    paginator = OrderPagination()
    default = paginator.paginate_queryset(Event.objects.all(), Request(APIRequestFactory().get("/x/")))
    assert len(default) == 10
    clamped = paginator.paginate_queryset(Event.objects.all(), Request(APIRequestFactory().get("/x/?limit=80")))
    assert len(clamped) == 50 and paginator.limit == 50
