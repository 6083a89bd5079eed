# shapes: no SDK; Django function views and class-based views with template `context` dicts (context.update, context["now"] = timezone.now()), ORM reads (.objects.filter/get, select_for_update in transaction.atomic) deciding early returns, django.utils.timezone.now and date.today deciding branches, random and uuid4 in redirects, transaction.on_commit callbacks, a management command whose handle() calls call_command and time.sleep, a `run` helper and a `context` parameter
import random
import time
import uuid
from datetime import date, timedelta
from typing import Any, Dict

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import models, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.generic import TemplateView


class Subscription(models.Model):
    email = models.EmailField(unique=True)
    renews_on = models.DateField()
    active = models.BooleanField(default=True)

    class Meta:
        app_label = "billing"


def run(context: Dict[str, Any], step: str) -> Dict[str, Any]:
    context.setdefault("steps", []).append({"step": step, "at": timezone.now().isoformat()})
    return context


def renewal_status(request: HttpRequest, sub_id: int) -> HttpResponse:
    sub = get_object_or_404(Subscription, pk=sub_id)
    if not sub.active:
        return JsonResponse({"status": "inactive"})
    context = {"sub": sub, "now": timezone.now(), "days_left": (sub.renews_on - date.today()).days}
    if context["days_left"] < 7:
        context.update({"warning": True, "ticket": uuid.uuid4().hex})
    context = run(context, "rendered")
    return render(request, "billing/status.html", context)


def renew(request: HttpRequest, sub_id: int) -> HttpResponse:
    with transaction.atomic():
        sub = Subscription.objects.select_for_update().get(pk=sub_id)
        if sub.renews_on > date.today() + timedelta(days=30):
            return HttpResponseRedirect(f"/billing/{sub_id}/?early=1")
        sub.renews_on = sub.renews_on + timedelta(days=365)
        sub.save()
        transaction.on_commit(lambda: call_command("send_receipt", str(sub.pk)))
    return HttpResponseRedirect(f"/billing/{sub_id}/?v={random.randint(1, 10**6)}")


class DashboardView(TemplateView):
    template_name = "billing/dashboard.html"

    def get_context_data(self, **kwargs: Any) -> Dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["now"] = timezone.now()
        context["due"] = Subscription.objects.filter(renews_on__lte=date.today() + timedelta(days=7), active=True)
        if timezone.now().weekday() >= 5:
            context["weekend_banner"] = True
        return context


class Command(BaseCommand):
    help = "Renew every subscription that is due today."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        for sub in Subscription.objects.filter(renews_on=date.today(), active=True):
            call_command("renew_one", str(sub.pk))
            time.sleep(0.2)
        self.stdout.write(f"done in {time.monotonic() - started:.1f}s")
