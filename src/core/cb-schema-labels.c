/* cb-schema-labels.c: what members and values of the format are called
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The words people see for the format's members ("Level required") and
 * enumeration values ("Higher vocational"), translated. Editors, exports
 * and messages take them from here, so each is translated once.
 */

#define G_LOG_DOMAIN "cb-schema"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-schema.h"

typedef struct
{
  CbKind kind;          /* CB_N_KINDS: any kind */
  const char *name;
  const char *label;
} Label;

/* Kind-specific labels first; the first match wins. */
static const Label field_labels[] = {
  { CB_KIND_SUPPORT, "weight", N_("Weight (0–1)") },
  /* xgettext:no-c-format */
  { CB_KIND_ASSESSMENT, "weight", N_("Weight (% of the grade)") },
  /* xgettext:no-c-format */
  { CB_KIND_TARGET, "weight", N_("Share (% of the objective)") },
  { CB_KIND_TEAM_MEMBER, "role", N_("Role in the course") },
  { CB_KIND_PERSON, "title", N_("Job title") },
  { CB_KIND_PROJECT, "title", N_("Project title") },
  { CB_KIND_PROJECT, "id", N_("Project id") },
  { CB_KIND_PROGRAM, "name", N_("Program") },
  { CB_KIND_PROGRAM, "code", N_("Program code") },
  { CB_KIND_PROGRAM, "level", N_("Level") },
  { CB_KIND_INSTITUTION, "name", N_("Institution") },
  { CB_KIND_MODULE, "project", N_("Enterprise practical project") },
  { CB_KIND_MODULE, "objectives", N_("Course objectives served") },
  { CB_KIND_MODULE, "partners", N_("Partners involved") },
  { CB_KIND_MODULE, "skills", N_("Skills taught") },
  { CB_KIND_SKILL, "source", N_("Framework source") },
  { CB_KIND_SKILL, "category", N_("Skill category") },
  { CB_KIND_OBJECTIVE, "text", N_("Objective") },
  { CB_KIND_INDICATOR, "text", N_("Indicator") },
  { CB_KIND_RESPONSIBILITY, "text", N_("Responsibility") },
  { CB_KIND_REVIEW, "text", N_("Comment") },
  { CB_KIND_REPLY, "text", N_("Reply") },
  { CB_KIND_REVIEW, "target", N_("About") },
  { CB_KIND_REVIEW, "kind", N_("Kind of review") },
  { CB_KIND_OBJECTIVE, "kind", N_("Kind of objective") },
  { CB_KIND_RESOURCE, "kind", N_("Kind of resource") },
  { CB_KIND_PARTNER, "kind", N_("Kind of partner") },
  { CB_KIND_ASSESSMENT, "kind", N_("Kind of assessment") },
  { CB_KIND_COURSE, "category", N_("Category") },
  { CB_KIND_PRACTICAL_PROJECT, "title", N_("Project title") },
  { CB_KIND_PRACTICAL_PROJECT, "partner", N_("Enterprise") },
  { CB_KIND_RESOURCE, "partner", N_("Provided by") },

  { CB_N_KINDS, "agreement", N_("Cooperation agreement") },
  { CB_N_KINDS, "assessment", N_("Assessment") },
  { CB_N_KINDS, "assessments", N_("Assessment scheme") },
  { CB_N_KINDS, "assessors", N_("Assessors") },
  { CB_N_KINDS, "author", N_("Author") },
  { CB_N_KINDS, "authors", N_("Authors") },
  { CB_N_KINDS, "category", N_("Category") },
  { CB_N_KINDS, "citation", N_("Citation") },
  { CB_N_KINDS, "code", N_("Code") },
  { CB_N_KINDS, "contact", N_("Contact person") },
  { CB_N_KINDS, "courses", N_("Courses") },
  { CB_N_KINDS, "created", N_("Created") },
  { CB_N_KINDS, "credits", N_("Credits") },
  { CB_N_KINDS, "department", N_("Department") },
  { CB_N_KINDS, "description", N_("Description") },
  { CB_N_KINDS, "email", N_("Email") },
  { CB_N_KINDS, "format", N_("Format") },
  { CB_N_KINDS, "format_version", N_("Format version") },
  { CB_N_KINDS, "framework", N_("Framework") },
  { CB_N_KINDS, "hours", N_("Hours") },
  { CB_N_KINDS, "id", N_("Id") },
  { CB_N_KINDS, "importance", N_("Importance to industry (1–5)") },
  { CB_N_KINDS, "indicator", N_("Indicator") },
  { CB_N_KINDS, "indicators", N_("Indicators") },
  { CB_N_KINDS, "institution", N_("Institution") },
  { CB_N_KINDS, "isbn", N_("ISBN") },
  { CB_N_KINDS, "kind", N_("Kind") },
  { CB_N_KINDS, "language", N_("Language of the content") },
  { CB_N_KINDS, "level", N_("Level") },
  { CB_N_KINDS, "level_required", N_("Level required") },
  { CB_N_KINDS, "max_score", N_("Full score") },
  { CB_N_KINDS, "mean_score", N_("Mean score") },
  { CB_N_KINDS, "methods", N_("Teaching methods") },
  { CB_N_KINDS, "modified", N_("Modified") },
  { CB_N_KINDS, "modules", N_("Modules") },
  { CB_N_KINDS, "name", N_("Name") },
  { CB_N_KINDS, "objective", N_("Course objective") },
  { CB_N_KINDS, "objectives", N_("Course objectives") },
  { CB_N_KINDS, "offerings", N_("Offerings and score summaries") },
  { CB_N_KINDS, "organization", N_("Organization") },
  { CB_N_KINDS, "outcomes", N_("Graduation requirements") },
  { CB_N_KINDS, "partner", N_("Partner") },
  { CB_N_KINDS, "partners", N_("Partners") },
  { CB_N_KINDS, "party", N_("Party") },
  { CB_N_KINDS, "people", N_("People") },
  { CB_N_KINDS, "person", N_("Person") },
  { CB_N_KINDS, "practice", N_("Practice hours") },
  { CB_N_KINDS, "prerequisites", N_("Prerequisites") },
  { CB_N_KINDS, "program", N_("Program") },
  { CB_N_KINDS, "project", N_("Project") },
  { CB_N_KINDS, "publisher", N_("Publisher") },
  { CB_N_KINDS, "region", N_("Region") },
  { CB_N_KINDS, "replies", N_("Replies") },
  { CB_N_KINDS, "requested_by", N_("Requested by") },
  { CB_N_KINDS, "resources", N_("Resources") },
  { CB_N_KINDS, "responsibilities", N_("Responsibilities") },
  { CB_N_KINDS, "results", N_("Score summaries") },
  { CB_N_KINDS, "reviews", N_("Reviews") },
  { CB_N_KINDS, "role", N_("Role") },
  { CB_N_KINDS, "semester", N_("Semester") },
  { CB_N_KINDS, "signed", N_("Signed on") },
  { CB_N_KINDS, "skill", N_("Skill") },
  { CB_N_KINDS, "skills", N_("Skills") },
  { CB_N_KINDS, "source", N_("Source") },
  { CB_N_KINDS, "status", N_("Status") },
  { CB_N_KINDS, "strength", N_("Support (H/M/L)") },
  { CB_N_KINDS, "students", N_("Students") },
  { CB_N_KINDS, "summary", N_("Summary") },
  { CB_N_KINDS, "supports", N_("Supports graduation requirements") },
  { CB_N_KINDS, "target", N_("Target") },
  { CB_N_KINDS, "targets", N_("Objectives measured") },
  { CB_N_KINDS, "team", N_("Teaching team") },
  { CB_N_KINDS, "term", N_("Term") },
  { CB_N_KINDS, "text", N_("Text") },
  { CB_N_KINDS, "textbooks", N_("Textbooks") },
  { CB_N_KINDS, "theory", N_("Theory hours") },
  { CB_N_KINDS, "title", N_("Title") },
  { CB_N_KINDS, "topics", N_("Topics") },
  { CB_N_KINDS, "until", N_("Valid until") },
  { CB_N_KINDS, "uri", N_("URI") },
  { CB_N_KINDS, "url", N_("Link") },
  { CB_N_KINDS, "version", N_("Version") },
  { CB_N_KINDS, "weight", N_("Weight") },
  { CB_N_KINDS, "year", N_("Year") },
};

/**
 * cb_field_get_label:
 * @kind: the kind of record
 * @field: a member of @kind, such as "level_required"
 *
 * Returns: (transfer none): the member's name for people, translated
 */
const char *
cb_field_get_label (CbKind      kind,
                    const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if ((field_labels[i].kind == kind || field_labels[i].kind == CB_N_KINDS) &&
        strcmp (field_labels[i].name, field) == 0)
      return g_dgettext (GETTEXT_PACKAGE, field_labels[i].label);
  return field;
}

typedef struct
{
  const char *value;
  const char *label;
} ValueLabel;

static const ValueLabel value_labels[] = {
  /* program levels */
  { "secondary-vocational", N_("Secondary vocational") },
  { "higher-vocational", N_("Higher vocational") },
  { "vocational-bachelor", N_("Vocational bachelor") },
  { "bachelor", N_("Bachelor") },
  { "master", N_("Master") },
  { "other", N_("Other") },
  /* roles of people */
  { "teacher", N_("Teacher") },
  { "enterprise-expert", N_("Enterprise expert") },
  { "researcher", N_("Researcher") },
  { "coordinator", N_("Coordinator") },
  { "reviewer", N_("Reviewer") },
  /* kinds of partners */
  { "enterprise", N_("Enterprise") },
  { "research-institute", N_("Research institute") },
  { "training-base", N_("Training base") },
  { "industry-association", N_("Industry association") },
  { "school", N_("School") },
  { "partner", N_("Partner") },
  /* skill levels */
  { "introduced", N_("Introduced (I)") },
  { "reinforced", N_("Reinforced (R)") },
  { "mastered", N_("Mastered (M)") },
  /* course categories */
  { "required", N_("Required") },
  { "elective", N_("Elective") },
  { "practical", N_("Practical") },
  /* roles in a course */
  { "lead", N_("Course lead") },
  { "co-teacher", N_("Co-teacher") },
  { "enterprise-mentor", N_("Enterprise mentor") },
  /* statuses */
  { "draft", N_("Draft") },
  { "in-review", N_("In review") },
  { "approved", N_("Approved") },
  /* kinds of objectives */
  { "knowledge", N_("Knowledge") },
  { "skill", N_("Skill") },
  { "attitude", N_("Attitude") },
  /* support strengths */
  { "H", N_("H (strong)") },
  { "M", N_("M (medium)") },
  { "L", N_("L (weak)") },
  /* kinds of resources */
  { "textbook", N_("Textbook") },
  { "research-result", N_("Research result") },
  { "enterprise-case", N_("Enterprise case") },
  { "standard", N_("Standard") },
  { "link", N_("Link") },
  /* kinds of assessments */
  { "exam", N_("Exam") },
  { "assignment", N_("Assignment") },
  { "project", N_("Project") },
  { "lab", N_("Lab") },
  { "practice-report", N_("Practice report") },
  { "enterprise-evaluation", N_("Enterprise evaluation") },
  { "presentation", N_("Presentation") },
  /* kinds and statuses of reviews */
  { "comment", N_("Comment") },
  { "change-request", N_("Change request") },
  { "approval", N_("Approval") },
  { "open", N_("Open") },
  { "resolved", N_("Resolved") },
};

/**
 * cb_value_get_label:
 * @value: an enumeration value of the format, such as "higher-vocational"
 *
 * Returns: (transfer none): the value's name for people, translated, or
 *   @value itself when it is not one of the format's values
 */
const char *
cb_value_get_label (const char *value)
{
  g_return_val_if_fail (value != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (value_labels); i++)
    if (strcmp (value_labels[i].value, value) == 0)
      return g_dgettext (GETTEXT_PACKAGE, value_labels[i].label);
  return value;
}
