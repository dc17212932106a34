#!/usr/bin/env node
// Writes, in the documentation of every timer event and every user task, the time limit it runs on and
// that limit's basis (a legal act and article, or "policy default"), as the decision table row says it.
//   node tools/models/timer-basis.mjs [--check] processes/*.bpmn
// User tasks without their own camunda:dueDate get their due date from processes/sla-durations.dmn
// (sla/DueDatesFromSlaTable): their text is made from the rows that can match the task, so it follows
// the table when re-run. Timers and tasks with a due date of their own read other tables or settings:
// their text is below (OTHER_SOURCES). The text is spliced into the file (first child, as the BPMN
// schema orders documentation) so nothing else changes; a documentation this tool wrote before
// (it starts with "Time limit") is replaced. --check only reports elements whose text is missing or stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { elementTree } from './flow-refs.mjs';

const MARK = 'Time limit';

/** Timers and tasks whose limit is not the SLA table's task row: process key -> element id -> text. */
const OTHER_SOURCES = {
  'agency-digest': {
    StartEvent_EveryMorning: 'Time limit: none on a person; agencies that chose a daily digest are sent the new steps of the past day '
      + 'every day at 08:00. Basis: policy default.',
  },
  'coordination-meeting': {
    StartEvent_MeetingsDue: 'Time limit: meetings fall due on the cycle of setting nrs.coordination-meetings.cycle '
      + '(default quarterly, 09:00 on the 15th of January, April, July and October). Basis: policy default.',
    UserTask_ActionItem: 'Time limit: the date the coordination meeting agreed for this action item (end of that working day). '
      + 'Basis: policy default (the meeting decides).',
  },
  'criminal-justice': {
    TimerEvent_ReflectionPeriodOver: "Time limit: the end of the case's recovery and reflection period, 30 days from the identification interview (sla-durations.dmn rule 'Rule_SlaReflectionPeriod', the case's reflectionPeriodEndsAt). Basis: Council of Europe Convention on Action against Trafficking in Human Beings art. 13 (at least 30 days; no cooperation with the police asked for while it runs); Law 241/2005 as amended (article not confirmed: policy default 30 days).",
    IntermediateTimer_HearingReminder: "Time limit: the reminder to the supporting agency 2 days before each hearing (sla-durations.dmn rule "
      + "'Rule_SlaHearingReminder', set as hearingReminderAt by scheduleHearing). Basis: policy default.",
    IntermediateTimer_HearingDay: 'Time limit: the hearing day the supporting agency entered (09:00 Chisinau), set as hearingAt by '
      + 'scheduleHearing; then the support task comes back. Basis: policy default (the court sets the date).',
  },
  'dv-group-counselling': {
    TimerEvent_SessionDay: "Time limit: the next session one session interval later, 7 days (dv-group-cycle.dmn rules "
      + "'Rule_CycleVictims' and 'Rule_CyclePerpetrators': 12 weekly sessions). Basis: policy default.",
    TimerEvent_SafetyCheckInDue: "Time limit: the safety check-in 3 months after the last session (dv-group-cycle.dmn rules "
      + "'Rule_CycleVictims' and 'Rule_CyclePerpetrators'). Basis: policy default.",
  },
  'hotline-call': {
    UserTask_CallBack: "Time limit: the call-back within the time the classification gives (hotline-call-classification.dmn): "
      + "2 hours when someone is in immediate danger ('Rule_CallImmediateDangerDomesticViolence', 'Rule_CallImmediateDanger'); "
      + "24 hours for a suspicion of trafficking, a missing person or domestic violence involving a child "
      + "('Rule_CallTraffickingSuspicion', 'Rule_CallMissingPerson', 'Rule_CallChildDomesticViolence'); "
      + "48 hours for an agreed consultation call-back. Basis: policy default.",
  },
  monitoring: {
    TimerEvent_ChildFollowUpDue: "Time limit: the next follow-up visit of a child 3 months after the last, until the 18th birthday "
      + "(monitoring-schedule.dmn rule 'Rule_Minor'). Basis: policy default (DESIGN.md section 4: monitoring follow-ups).",
    TimerEvent_EighteenthBirthday: "Time limit: a child is monitored until the 18th birthday, then handed over to adult services. "
      + "The date is computed when the timer is created, from the date of birth in the vault, never kept in a variable; without "
      + "a date of birth, from the age band at referral (the latest possible birthday: a child is never handed over early). "
      + "Basis: policy default (a child is a person under 18).",
    TimerEvent_FollowUpDue: "Time limit: the next follow-up visit 3 months after the last, 4 visits in 12 months "
      + "(monitoring-schedule.dmn rules 'Rule_Minor' and 'Rule_Everyone'). Basis: policy default (DESIGN.md section 4: monitoring follow-ups).",
    BoundaryEvent_VisitOverdue: "Time limit: a visit not made within 14 days is reported to the NRS coordinators "
      + "(monitoring-schedule.dmn rules 'Rule_Minor' and 'Rule_Everyone'). Basis: policy default.",
  },
  'nrs-case': {
    TimerEvent_ReflectionPeriodEnds: "Time limit: the recovery and reflection period, 30 days around the clock from the identification interview (sla-durations.dmn rule 'Rule_SlaReflectionPeriod', set as reflectionPeriodEndsAt by startReflectionPeriod). Basis: Council of Europe Convention on Action against Trafficking in Human Beings art. 13 (at least 30 days); Law 241/2005 as amended (article not confirmed: policy default 30 days).",
  },
  'safety-plan': {
    TimerEvent_SafetyPlanReviewDue: "Time limit: the review date the safety plan sets, at the latest 14 days (urgent cases) or 30 days "
      + "after the plan was made or last reviewed (sla-durations.dmn rules 'Rule_SlaSafetyPlanReviewUrgent' and "
      + "'Rule_SlaSafetyPlanReview', applied by scheduleSafetyPlanReview). Basis: policy default.",
  },
  'outbound-referral': {
    UserTask_PartnerAnswer: "Time limit: the partner answers within 5 working days (sla-durations.dmn rule 'Rule_SlaPartnerAbroadAnswer', "
      + 'set as answerDueAt by setAnswerDeadline). Basis: policy default.',
    BoundaryEvent_AnswerOverdue: "Time limit: the partner's answer is due 5 working days after the request (sla-durations.dmn rule "
      + "'Rule_SlaPartnerAbroadAnswer', answerDueAt); then an NRS coordinator follows it up. Basis: policy default.",
    UserTask_RecordPartnerOutcome: "Time limit: the partner that accepted says what it did within 20 working days (sla-durations.dmn rule "
      + "'Rule_SlaPartnerAbroadOutcome', set as outcomeDueAt by setOutcomeDeadline). Basis: policy default.",
    BoundaryEvent_OutcomeOverdue: "Time limit: the partner's outcome is due 20 working days after it accepted (sla-durations.dmn rule "
      + "'Rule_SlaPartnerAbroadOutcome', outcomeDueAt); then the asking agency is told to chase it and the step stays open. "
      + 'Basis: policy default.',
  },
  'foreign-victim': {
    IntermediateTimer_StayRenewalDue: 'Time limit: the provisional stay right of a foreign victim lasts six months, renewable (Law 200/2010 '
      + 'on the regime of foreigners as amended by Law 236/2012; the article number is not confirmed); the renewal is asked five months '
      + "after the grant or the last renewal (sla-durations.dmn rule 'Rule_SlaStayRenewalDue', set as stayRenewalDueAt by "
      + 'scheduleStayRenewal). Basis: Law 200/2010 for the six months; the one-month lead is policy default.',
  },
  repatriation: {
    BoundaryEvent_TravelNotArranged: "Time limit: travel arranged within 14 days of the travel documents, for adults and children "
      + "alike (repatriation-policy.dmn rule 'Rule_TravelArrangementPeriod'); then the NRS coordinator reviews the delay. Basis: policy default.",
  },
  'reporting-deadlines': {
    StartEvent_ReportingDatesReached: 'Time limit: the reports due are looked up on 2 January and 2 July at 08:00, so that each '
      + "task is open before its deadline (reporting-calendar.dmn). Basis: policy default; the deadlines themselves: "
      + 'Government Decision 898/2015 and Government Decision 461/2018.',
    UserTask_ProviderAnnualReport: "Time limit: 31 January, 17:00 Chisinau time (reporting-calendar.dmn rule 'Rule_ProviderAnnual'). "
      + 'Basis: Government Decision 898/2015; the time of day is a policy default.',
    UserTask_SecretariatHalfYearReport: "Time limit: 15 July, 17:00 Chisinau time (reporting-calendar.dmn rule 'Rule_SecretariatHalfYear'). "
      + 'Basis: Government Decision 461/2018; the time of day is a policy default.',
    UserTask_SecretariatAnnualReport: "Time limit: 15 January, 17:00 Chisinau time (reporting-calendar.dmn rule 'Rule_SecretariatAnnual'). "
      + 'Basis: Government Decision 461/2018; the time of day is a policy default.',
  },
  'shelter-placement': {
    TimerEvent_ReflectionPeriodOver: "Time limit: a reflection (recovery) period of 30 days (shelter-stay-policy.dmn rule 'Rule_ShelterStay'). "
      + 'Basis: Law 241/2005 as amended; its length is a policy default.',
    TimerEvent_ExtensionOver: "Time limit: one extension of 30 days at a time, up to 180 days in all (shelter-stay-policy.dmn rule "
      + "'Rule_ShelterStay'). Basis: former Government Decision 1362/2006 (policy default).",
  },
  'sla-watch': {
    StartEvent_EveryQuarterHour: 'Time limit: none on a person; the platform looks for steps due and overdue every 15 minutes. '
      + 'Basis: policy default.',
  },
};

/** The rows of sla-durations.dmn: { id, steps (empty: any step), unconditional, duration, calendar, description }. */
export function slaRows(dmnText) {
  const rows = [];
  for (const [, id, body] of dmnText.matchAll(/<rule id="([^"]+)">([\s\S]*?)<\/rule>/g)) {
    const entries = [...body.matchAll(/<(?:input|output)Entry[^>]*><text>([^<]*)<\/text>/g)].map(m => m[1]);
    rows.push({
      id,
      steps: [...entries[0].matchAll(/"([^"]+)"/g)].map(m => m[1]),
      unconditional: entries[1].trim() === '' && entries[2].trim() === '',
      duration: entries[3].replaceAll('"', ''),
      calendar: entries[4].replaceAll('"', ''),
      description: decode(body.match(/<description>([\s\S]*?)<\/description>/)?.[1] ?? ''),
    });
  }
  return rows;
}

/** "P3D" + working-days -> "3 working days"; "PT3H" -> "3 hours, around the clock". */
export function spoken(duration, calendar) {
  const m = duration.match(/^P(?:(\d+)M)?(?:(\d+)D)?(?:T(\d+)H)?$/);
  if (!m) return duration;
  const [, months, days, hours] = m;
  const unit = (n, word) => `${n} ${word}${n === '1' ? '' : 's'}`;
  const parts = [months && unit(months, 'month'), days && unit(days, calendar === 'working-days' ? 'working day' : 'day'),
    hours && unit(hours, 'hour')].filter(Boolean).join(' ');
  return calendar === 'around-the-clock' ? `${parts}, around the clock` : parts;
}

/** The text for a user task that takes its due date from the SLA table: every row that can match it, in order. */
export function slaText(step, rows) {
  const matching = [];
  for (const row of rows) {
    if (row.steps.length && !row.steps.includes(step)) continue;
    matching.push(row);
    if (row.unconditional) break;                                   // no urgency or age condition: later rows never match
  }
  const line = row => `${spoken(row.duration, row.calendar)} (sla-durations.dmn rule '${row.id}'): ${row.description}`;
  if (matching.length === 1) return `${MARK}: ${line(matching[0])}`;
  return `${MARK}s from sla-durations.dmn, the first matching rule applies: `
    + matching.map((row, i) => `(${i + 1}) ${line(row)}`).join(' ');
}

const decode = s => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
const encode = s => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const indentOf = (text, at) => text.slice(text.lastIndexOf('\n', at - 1) + 1, at).match(/^[ \t]*/)[0];
const local = name => name.slice(name.indexOf(':') + 1);

/** Returns { text, changed: [ids] } with every timer event and user task documented. */
export function addBasis(text, rows) {
  const tree = elementTree(text);
  const processKey = text.match(/<(?:[\w.-]+:)?process\s[^>]*?\bid="([^"]+)"/)?.[1];
  const own = OTHER_SOURCES[processKey] ?? {};
  const unit = (text.match(/\n([ \t]+)<(?:[\w.-]+:)?process\b/) || [, '  '])[1];
  const edits = [], changed = [], problems = [];
  for (const el of tree.values()) {
    const kind = local(el.name);
    const timer = /Event$/.test(kind) && el.children.some(c => local(c.name) === 'timerEventDefinition');
    if (!timer && kind !== 'userTask') continue;
    const tag = text.slice(el.start, el.tagEnd);
    let want = own[el.id];
    if (!want && kind === 'userTask' && !/\scamunda:dueDate=/.test(tag)) want = slaText(el.id, rows);
    if (!want) { problems.push(`${el.id}: no time limit known for it; add it to OTHER_SOURCES in timer-basis.mjs`); continue; }
    const doc = el.children.find(c => local(c.name) === 'documentation');
    const body = encode(want);
    if (doc) {
      const current = text.slice(doc.tagEnd, doc.end).replace(/<\/[^>]+>$/, '');
      if (current === body) continue;
      if (!decode(current).startsWith(MARK)) { problems.push(`${el.id}: has documentation not written by this tool; add the basis by hand`); continue; }
      edits.push({ at: doc.tagEnd, until: doc.end - `</${doc.name}>`.length, insert: body });
    } else {
      if (el.selfClosing) { problems.push(`${el.id}: empty element; cannot place documentation`); continue; }
      const prefix = el.name.includes(':') ? el.name.slice(0, el.name.indexOf(':') + 1) : '';
      edits.push({ at: el.tagEnd, insert: `\n${indentOf(text, el.start)}${unit}<${prefix}documentation>${body}</${prefix}documentation>` });
    }
    changed.push(el.id);
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.insert + out.slice(e.until ?? e.at);
  return { text: out, changed, problems };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2), check = args.includes('--check'), files = args.filter(a => a !== '--check');
  if (!files.length) {
    console.error('usage: node tools/models/timer-basis.mjs [--check] processes/*.bpmn');
    process.exit(2);
  }
  const table = join(dirname(fileURLToPath(import.meta.url)), '../../processes/sla-durations.dmn');
  const rows = slaRows(readFileSync(table, 'utf8'));
  let failed = 0;
  for (const file of files) {
    const { text, changed, problems } = addBasis(readFileSync(file, 'utf8'), rows);
    problems.forEach(p => console.error(`${file}: ${p}`));
    failed += problems.length;
    if (changed.length && check) { console.error(`${file}: time limit text missing or stale on ${changed.join(', ')}`); failed++; continue; }
    if (changed.length) writeFileSync(file, text);
    console.log(`${file}: ${changed.length ? `documented ${changed.join(', ')}` : 'complete'}`);
  }
  process.exit(failed ? 1 : 0);
}
