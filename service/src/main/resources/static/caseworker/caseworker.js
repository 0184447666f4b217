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


  /** The control to focus for a field: its input or select, or a group's first option. */
  function controlOf(field) {
    return field.matches('input, select') ? field : field.querySelector('input, select');
  }

  /**
   * The form in steps (family, parents, concern, course, measurements) and a summary of the answers
   * before sending. Only with this script: without it the whole form is one page, sent as it is.
   */
  function setUpSteps(form) {
    var nav = document.getElementById('form-steps');
    var actions = document.getElementById('step-actions');
    var list = document.getElementById('answers-list');
    if (!nav || !actions || !list) {
      return null;
    }
    var sendActions = document.getElementById('form-actions');
    var names = Array.prototype.map.call(nav.querySelectorAll('[data-step-go]'), function (b) {
      return b.dataset.stepGo;
    });
    var parts = Array.prototype.slice.call(form.querySelectorAll('[data-step]'));
    var previous = actions.querySelector('[data-step-move="-1"]');
    var next = actions.querySelector('[data-step-move="1"]');
    var nextText = next.textContent;
    var current = names[0];

    function text(element) {
      return element ? element.textContent.replace(/\s+/g, ' ').trim() : '';
    }

    /** What a field holds, in words; "" when it is not answered. */
    function answer(field) {
      if (field.classList.contains('factors')) {
        var known = field.querySelector('input[type="radio"]:checked');
        if (!known || known.value === '') {
          return '';
        }
        var ticked = Array.prototype.filter.call(field.querySelectorAll('input[type="checkbox"]'),
          function (box) { return box.checked; });
        return ticked.length === 0 ? form.dataset.none
          : ticked.map(function (box) { return text(box.closest('label')); }).join(', ');
      }
      if (field.classList.contains('choice-group')) {
        var chosen = field.querySelector('input[type="radio"]:checked');
        return chosen && chosen.value !== '' ? text(chosen.closest('label')) : '';
      }
      var control = field.querySelector('input, select');
      if (!control || control.value === '') {
        return '';
      }
      if (control.tagName === 'SELECT') {
        return text(control.options[control.selectedIndex]);
      }
      if (control.type === 'date') {
        var d = control.value.split('-');
        return d.length === 3 ? Number(d[2]) + '.' + Number(d[1]) + '.' + d[0] : control.value;
      }
      return control.value;
    }

    function row(dl, label, value, target) {
      var dt = document.createElement('dt');
      dt.textContent = label;
      var dd = document.createElement('dd');
      var span = document.createElement('span');
      span.className = value === '' ? 'answer unanswered' : 'answer';
      span.textContent = value === '' ? form.dataset.unanswered : value;
      var link = document.createElement('a');
      link.href = '#' + target.id;
      link.className = 'change';
      link.dataset.changes = target.id;
      link.textContent = form.dataset.change;
      var hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ' ' + label;
      link.appendChild(hidden);
      dd.appendChild(span);
      dd.appendChild(document.createTextNode(' '));
      dd.appendChild(link);
      dl.appendChild(dt);
      dl.appendChild(dd);
    }

    /** Writes the summary: every section's answers, each with a link back to change it. */
    function summarise() {
      list.textContent = '';
      parts.forEach(function (part) {
        if (part.dataset.step === 'answers') {
          return;
        }
        var fields = Array.prototype.slice.call(part.querySelectorAll('.field'));
        var heading = document.createElement('h3');
        heading.textContent = text(part.querySelector('h2'));
        var dl = document.createElement('dl');
        dl.className = 'answers';
        var answered = fields.filter(function (field) { return answer(field) !== ''; });
        if (part.tagName === 'DETAILS' && answered.length === 0) {
          row(dl, heading.textContent, '', controlOf(fields[0]));
        } else {
          fields.forEach(function (field) {
            row(dl, text(field.querySelector('label[for], legend')), answer(field), controlOf(field));
          });
        }
        list.appendChild(heading);
        list.appendChild(dl);
      });
    }

    function show(name, focus) {
      current = name;
      var index = names.indexOf(name);
      parts.forEach(function (part) { part.hidden = part.dataset.step !== name; });
      nav.querySelectorAll('[data-step-go]').forEach(function (button) {
        if (button.dataset.stepGo === name) {
          button.setAttribute('aria-current', 'step');
        } else {
          button.removeAttribute('aria-current');
        }
      });
      previous.hidden = index === 0;
      next.hidden = name === 'answers';
      next.textContent = names[index + 1] === 'answers' ? next.dataset.last : nextText;
      sendActions.hidden = name !== 'answers';
      if (name === 'answers') {
        summarise();
      }
      if (focus) {
        var target = name === 'answers' ? document.getElementById('answers-heading')
          : form.querySelector('[data-step="' + name + '"] h2');
        if (target) {
          if (!target.hasAttribute('tabindex')) {
            target.setAttribute('tabindex', '-1');
          }
          target.focus();
          target.scrollIntoView({block: 'start'});
        }
      }
    }

    /** Shows the step an element is in, and the folded section around it, opened. */
    function reveal(element) {
      var part = element.closest('[data-step]');
      if (part && part.dataset.step !== current) {
        show(part.dataset.step, false);
      }
      var folded = element.closest('details');
      if (folded) {
        folded.open = true;
      }
    }

    nav.addEventListener('click', function (event) {
      var button = event.target.closest('[data-step-go]');
      if (button) {
        show(button.dataset.stepGo, true);
      }
    });
    actions.addEventListener('click', function (event) {
      var button = event.target.closest('[data-step-move]');
      if (button) {
        show(names[names.indexOf(current) + Number(button.dataset.stepMove)], true);
      }
    });
    list.addEventListener('click', function (event) {
      var link = event.target.closest('a[data-changes]');
      if (link) {
        event.preventDefault();
        var control = document.getElementById(link.dataset.changes);
        reveal(control);
        control.focus();
        control.scrollIntoView({block: 'center'});
      }
    });
    // Enter in a field before the summary shows the summary; sending is from there.
    form.addEventListener('submit', function (event) {
      if (!event.defaultPrevented && current !== 'answers') {
        event.preventDefault();
        show('answers', true);
      }
    });

    form.classList.add('stepped');
    nav.hidden = false;
    actions.hidden = false;
    show(names[0], false);
    return {reveal: reveal};
  }

  function setUpForm(form) {
    var steps = setUpSteps(form);
    function reveal(element) {
      if (steps) {
        steps.reveal(element);
      } else {
        var section = element.closest('details');
        if (section) {
          section.open = true;
        }
      }
    }
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
        reveal(invalid[0]);
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
    // The links in the summary of what to correct open the step the field is in.
    var errors = document.getElementById('error-summary');
    if (errors) {
      errors.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        var target = link && document.getElementById(link.getAttribute('href').substring(1));
        if (target) {
          event.preventDefault();
          var control = controlOf(target);
          reveal(control);
          control.focus();
          control.scrollIntoView({block: 'center'});
        }
      });
    }
    // After a refused send: to the first field the service refused or asks for, in its step;
    // without such a field, to the summary of what to correct.
    var summary = document.getElementById('error-summary');
    if (summary) {
      var refused = form.querySelector('.has-error');
      var control = refused && controlOf(refused);
      if (control) {
        reveal(control);
        control.focus();
      } else {
        summary.focus();
      }
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
