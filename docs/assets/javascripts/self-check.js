/* Self-checks for coaches (self_check() and self_check_summary() macros). Checks each answer in
 * the browser, explains it and points to the section to reread; when every question of a unit is
 * right it records `selfcheck:<unit id>` in the progress store (window.ecoleapProgress). On the
 * progress page it shows each unit's self-check state. Nothing is scored by a server.
 */
(function () {
  "use strict";
  var store = window.ecoleapProgress;

  function key(unit) {
    return "selfcheck:" + unit;
  }

  /* The option ids the reader gave: chosen ones, or for an order question the ids by position. */
  function given(question) {
    if (question.dataset.kind === "order") {
      var selects = Array.prototype.slice.call(question.querySelectorAll("select"));
      if (selects.some(function (select) { return select.value === ""; })) {
        return null;
      }
      return selects.slice().sort(function (first, second) { return Number(first.value) - Number(second.value); })
        .map(function (select) { return select.dataset.option; });
    }
    var chosen = Array.prototype.slice.call(question.querySelectorAll("input:checked")).map(function (input) { return input.value; });
    return chosen.length ? chosen.sort() : null;
  }

  function setUpCheck(root) {
    var unit = root.dataset.selfCheck;
    var questions = Array.prototype.slice.call(root.querySelectorAll(".self-check__question"));
    var right = {};
    var result = root.querySelector(".self-check__result");

    function check(question) {
      var answer = question.dataset.answer.split(" ");
      var expected = question.dataset.kind === "order" ? answer : answer.slice().sort();
      var reply = given(question);
      var feedback = question.querySelector(".self-check__feedback");
      var details = question.querySelector(".self-check__answer");
      feedback.textContent = "";
      if (!reply) {
        feedback.textContent = root.dataset.msgUnanswered;
        return;
      }
      var correct = reply.join(" ") === expected.join(" ");
      right[question.dataset.question] = correct;
      var verdict = document.createElement("strong");
      verdict.textContent = correct ? root.dataset.msgRight : root.dataset.msgWrong;
      feedback.appendChild(verdict);
      feedback.appendChild(document.createTextNode(" " + question.querySelector(".self-check__explanation").textContent + " "));
      if (!correct) {
        var reread = details.querySelector("a").cloneNode(true);
        feedback.appendChild(document.createTextNode(details.querySelector("a").parentNode.firstChild.textContent));
        feedback.appendChild(reread);
      }
      feedback.dataset.result = correct ? "right" : "wrong";
      summarise();
    }

    function summarise() {
      var count = questions.filter(function (question) { return right[question.dataset.question]; }).length;
      if (count === questions.length) {
        result.textContent = root.dataset.msgDone;
        if (store) {
          store.set(key(unit), { done: true, digest: root.dataset.digest });
        }
      } else {
        result.textContent = root.dataset.msgProgress.replace("{right}", count).replace("{total}", questions.length);
      }
    }

    questions.forEach(function (question) {
      var actions = question.querySelector(".self-check__actions");
      actions.hidden = false;
      actions.querySelector("button").addEventListener("click", function () { check(question); });
    });

    // Back on the unit later: say that it was passed, and whether the questions changed since.
    var record = store ? store.get(key(unit)) : null;
    if (record && record.done) {
      var changed = record.digest && record.digest !== root.dataset.digest;
      result.textContent = (changed ? root.dataset.msgPassedChanged : root.dataset.msgPassed).replace("{date}", record.date);
    }
  }

  function setUpSummary(root) {
    root.querySelectorAll("[data-self-check-unit]").forEach(function (row) {
      var cell = row.querySelector(".self-check-summary__state");
      var record = store ? store.get(key(row.dataset.selfCheckUnit)) : null;
      if (!record || !record.done) {
        cell.textContent = root.dataset.msgNotDone;
      } else if (record.digest && record.digest !== row.dataset.digest) {
        cell.textContent = root.dataset.msgChanged.replace("{date}", record.date);
      } else {
        cell.textContent = root.dataset.msgDone.replace("{date}", record.date);
      }
    });
  }

  document.querySelectorAll("[data-self-check]").forEach(setUpCheck);
  document.querySelectorAll("[data-self-check-summary]").forEach(setUpSummary);
})();
