// The caseworker's pages: print, hints by the field before the form is sent, and small conveniences.
// Loaded as a file (no inline script), so that a Content-Security-Policy without 'unsafe-inline' holds.
(function () {
  'use strict';

  function hintFor(input) {
    return document.getElementById(input.id + '-error');
  }

  /** Shows the field's hint when the browser finds its value invalid; clears a hint it showed before. */
  function check(input) {
    var hint = hintFor(input);
    var field = input.closest('.field');
    if (!input.checkValidity()) {
      hint.textContent = input.dataset.hint || input.validationMessage;
      input.setAttribute('aria-invalid', 'true');
      field.classList.add('has-error');
      input.dataset.clientHint = 'true';
      return false;
    }
    if (input.dataset.clientHint) {
      hint.textContent = '';
      input.removeAttribute('aria-invalid');
      field.classList.remove('has-error');
      delete input.dataset.clientHint;
    }
    return true;
  }

  /** Typing a value under a question answered "no" (a pregnancy, a born child) answers it "yes". */
  function answersYes(questionId, inputId) {
    var input = document.getElementById(inputId);
    var yes = document.getElementById(questionId + '-true');
    if (input && yes) {
      input.addEventListener('input', function () {
        if (input.value !== '') {
          yes.checked = true;
        }
      });
    }
  }

  /** Keeps what is typed as the caseworker's draft on the server, a moment after each change. */
  function keepDraft(form) {
    var url = form.dataset.draftUrl;
    var status = document.getElementById('draft-status');
    var timer = null;
    function save() {
      fetch(url, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin',
                  redirect: 'manual'})
        .then(function (response) {
          if (response.status === 204) {
            form.dataset.draftSaved = String(Date.now());
            if (status) {
              status.textContent = status.dataset.saved || '';
            }
          }
        })
        .catch(function () { /* kept on the next change */ });
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(save, 700);
    }
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  }

  function setUpForm(form) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll('input[data-hint]'));
    inputs.forEach(function (input) {
      input.addEventListener('blur', function () { check(input); });
      input.addEventListener('input', function () {
        if (input.dataset.clientHint) {
          check(input);
        }
      });
    });
    form.addEventListener('submit', function (event) {
      var invalid = inputs.filter(function (input) { return !check(input); });
      if (invalid.length > 0) {
        event.preventDefault();
        var section = invalid[0].closest('details');
        if (section) {
          section.open = true;
        }
        invalid[0].focus();
      }
    });
    form.querySelectorAll('.factors .checkboxes').forEach(function (boxes) {
      boxes.addEventListener('change', function (event) {
        if (event.target.checked) {
          document.getElementById(boxes.dataset.known).checked = true;
        }
      });
    });
    keepDraft(form);
    answersYes('pregnancy', 'pregnancy-gestationalWeek');
    answersYes('child', 'child-birthDate');
    var summary = document.getElementById('error-summary');
    if (summary) {
      summary.focus();
    }
  }

  function setUpPrinting() {
    document.querySelectorAll('[data-action="print"]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
    // The source's words are folded away on screen, and printed with the rest.
    window.addEventListener('beforeprint', function () {
      document.querySelectorAll('details:not([open])').forEach(function (details) {
        details.open = true;
        details.dataset.openedForPrint = 'true';
      });
    });
    window.addEventListener('afterprint', function () {
      document.querySelectorAll('details[data-opened-for-print]').forEach(function (details) {
        details.open = false;
        delete details.dataset.openedForPrint;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    setUpPrinting();
    var form = document.getElementById('family-form');
    if (form) {
      setUpForm(form);
    }
  });
}());
