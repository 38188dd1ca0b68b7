"""Sign-in, sign-out, password change and reset, and accepting an invitation.

Django's own views, pointed at the namespaced URLs and the portal's templates.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.mail import EmailMultiAlternatives
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.mail import one_line, recipient_language
from network.tokens import invitation_token_generator
from oic_mediation.accounts.second_factor import SignInForm
from oic_mediation.mail.services import language_set

# Several authentication backends are configured (axes, rules, the model backend); logging a user
# in without authenticate() must name the one that holds their password.
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "registration/login.html"
    # Asks for the authenticator's code when the user has enrolled one (staff).
    authentication_form = SignInForm
    redirect_authenticated_user = True
    next_page = reverse_lazy("my_state:home")


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("accounts:login")

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        messages.info(request, _("You are signed out."))
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "registration/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "registration/password_change_done.html"


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form, writing each message in the account holder's language (not the page's), with
    the link built from PORTAL_BASE_URL (not the request's host), as text and HTML."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        language = recipient_language(context["user"])
        with translation.override(language):
            context = {
                **context,
                "base_url": settings.PORTAL_BASE_URL,
                "language": language,
                "direction": "rtl" if translation.get_language_bidi() else "ltr",
            }
            subject = one_line(render_to_string(subject_template_name, context))
            body = render_to_string(email_template_name, context)
            html = render_to_string(html_email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        message.attach_alternative(html, "text/html")
        message.send()


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    html_email_template_name = "registration/password_reset_email.html"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class InvalidLinkStatusMixin:
    """An invalid, used or expired link answers 400 with an explanation, not a blank form."""

    def render_to_response(self, context, **response_kwargs):
        if not self.validlink:
            response_kwargs.setdefault("status", 400)
        return super().render_to_response(context, **response_kwargs)


class PasswordResetConfirmView(InvalidLinkStatusMixin, auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class AcceptInvitationView(InvalidLinkStatusMixin, auth_views.PasswordResetConfirmView):
    """The invitee chooses a password; the link then stops working, and they are signed in."""

    template_name = "accounts/accept_invitation.html"
    token_generator = invitation_token_generator
    post_reset_login = True
    post_reset_login_backend = PASSWORD_BACKEND
    success_url = reverse_lazy("my_state:home")
    title = _("Choose your password")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Welcome. Your password is set and you are signed in."))
        return response


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language of the e-mails you receive"), choices=settings.LANGUAGES
    )


@login_required
def email_language(request):
    """A signed-in person chooses the language of the portal's e-mails to them."""
    form = LanguageForm(
        request.POST or None, initial={"language": recipient_language(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        language_set(user=request.user, language=form.cleaned_data["language"])
        messages.success(request, _("Your e-mails will be written in this language."))
        return redirect("accounts:email_language")
    return render(request, "accounts/email_language.html", {"form": form})
