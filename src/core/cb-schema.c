/* cb-schema.c: the project format as data
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cb-schema"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cb-schema.h"
#include "cb-entity.h"
#include "cb-project.h"

#define END CB_N_KINDS

/* Reference targets */
static const CbKind to_person[] = { CB_KIND_PERSON, END };
static const CbKind to_partner[] = { CB_KIND_PARTNER, END };
static const CbKind to_skill[] = { CB_KIND_SKILL, END };
static const CbKind to_course[] = { CB_KIND_COURSE, END };
static const CbKind to_objective[] = { CB_KIND_OBJECTIVE, END };
static const CbKind to_assessment[] = { CB_KIND_ASSESSMENT, END };
static const CbKind to_indicator[] = { CB_KIND_INDICATOR, CB_KIND_OUTCOME, END };
static const CbKind to_any[] = {
  CB_KIND_PROJECT, CB_KIND_PERSON, CB_KIND_PARTNER, CB_KIND_RESPONSIBILITY, CB_KIND_SKILL,
  CB_KIND_OUTCOME, CB_KIND_INDICATOR, CB_KIND_COURSE, CB_KIND_TEXTBOOK, CB_KIND_OBJECTIVE,
  CB_KIND_MODULE, CB_KIND_RESOURCE, CB_KIND_ASSESSMENT, CB_KIND_OFFERING, CB_KIND_REVIEW,
  CB_KIND_REPLY, END
};

/* Enumerations */
static const char * const program_levels[] = {
  "secondary-vocational", "higher-vocational", "vocational-bachelor", "bachelor", "master",
  "other", NULL
};
static const char * const person_roles[] = {
  "teacher", "enterprise-expert", "researcher", "coordinator", "reviewer", NULL
};
static const char * const partner_kinds[] = {
  "enterprise", "research-institute", "training-base", "industry-association", "school", NULL
};
static const char * const parties[] = { "school", "partner", NULL };
static const char * const levels[] = { "introduced", "reinforced", "mastered", NULL };
static const char * const course_categories[] = { "required", "elective", "practical", NULL };
static const char * const team_roles[] = { "lead", "co-teacher", "enterprise-mentor", NULL };
static const char * const statuses[] = { "draft", "in-review", "approved", NULL };
static const char * const objective_kinds[] = { "knowledge", "skill", "attitude", NULL };
static const char * const strengths[] = { "H", "M", "L", NULL };
static const char * const resource_kinds[] = {
  "textbook", "research-result", "enterprise-case", "training-base", "standard", "link", NULL
};
static const char * const assessment_kinds[] = {
  "exam", "assignment", "project", "lab", "practice-report", "enterprise-evaluation",
  "presentation", NULL
};
static const char * const review_kinds[] = { "comment", "change-request", "approval", NULL };
static const char * const review_statuses[] = { "open", "resolved", NULL };

#define F_ID { "id", "id", CB_FIELD_ID, END, NULL, NULL, 1, 0, FALSE }
#define F_STR(n, p) { n, p, CB_FIELD_STRING, END, NULL, NULL, 1, 0, FALSE }
#define F_TEXT(n, p) { n, p, CB_FIELD_TEXT, END, NULL, NULL, 1, 0, FALSE }
#define F_ENUM(n, p, vals) { n, p, CB_FIELD_ENUM, END, NULL, vals, 1, 0, FALSE }
#define F_KEY_ENUM(n, p, vals) { n, p, CB_FIELD_ENUM, END, NULL, vals, 1, 0, TRUE }
#define F_INT(n, p, lo, hi) { n, p, CB_FIELD_INT, END, NULL, NULL, lo, hi, FALSE }
#define F_NUM(n, p, lo, hi) { n, p, CB_FIELD_NUMBER, END, NULL, NULL, lo, hi, FALSE }
#define F_REF(n, p, to) { n, p, CB_FIELD_REF, END, to, NULL, 1, 0, FALSE }
#define F_KEY_REF(n, p, to) { n, p, CB_FIELD_REF, END, to, NULL, 1, 0, TRUE }
#define F_REFS(n, p, to) { n, p, CB_FIELD_REF_LIST, END, to, NULL, 1, 0, FALSE }
#define F_STRS(n, p) { n, p, CB_FIELD_STRING_LIST, END, NULL, NULL, 1, 0, FALSE }
#define F_OBJ(n, p, k) { n, p, CB_FIELD_OBJECT, k, NULL, NULL, 1, 0, FALSE }
#define F_LIST(n, p, k) { n, p, CB_FIELD_LIST, k, NULL, NULL, 1, 0, FALSE }

static const CbFieldDef project_fields[] = {
  F_STR ("format", "format"),
  F_INT ("format_version", "format-version", 1, 0),
  F_ID,
  F_STR ("title", "title"),
  F_STR ("language", "language"),
  F_OBJ ("institution", "institution", CB_KIND_INSTITUTION),
  F_OBJ ("program", "program", CB_KIND_PROGRAM),
  F_STR ("created", "created"),
  F_STR ("modified", "modified"),
  F_LIST ("people", "people", CB_KIND_PERSON),
  F_LIST ("partners", "partners", CB_KIND_PARTNER),
  F_LIST ("skills", "skills", CB_KIND_SKILL),
  F_LIST ("outcomes", "outcomes", CB_KIND_OUTCOME),
  F_LIST ("courses", "courses", CB_KIND_COURSE),
  F_LIST ("reviews", "reviews", CB_KIND_REVIEW),
};

static const CbFieldDef institution_fields[] = {
  F_STR ("name", "name"),
  F_STR ("department", "department"),
};

static const CbFieldDef program_fields[] = {
  F_STR ("name", "name"),
  F_STR ("code", "code"),
  F_ENUM ("level", "level", program_levels),
};

static const CbFieldDef person_fields[] = {
  F_ID,
  F_STR ("name", "name"),
  F_ENUM ("role", "role", person_roles),
  F_REF ("organization", "organization", to_partner),
  F_STR ("title", "title"),
  F_STR ("email", "email"),
};

static const CbFieldDef partner_fields[] = {
  F_ID,
  F_STR ("name", "name"),
  F_ENUM ("kind", "kind", partner_kinds),
  F_STR ("region", "region"),
  F_REF ("contact", "contact", to_person),
  F_OBJ ("agreement", "agreement", CB_KIND_AGREEMENT),
};

static const CbFieldDef agreement_fields[] = {
  F_STR ("signed", "signed"),
  F_STR ("until", "until"),
  F_LIST ("responsibilities", "responsibilities", CB_KIND_RESPONSIBILITY),
};

static const CbFieldDef responsibility_fields[] = {
  F_ID,
  F_ENUM ("party", "party", parties),
  F_TEXT ("text", "text"),
};

static const CbFieldDef skill_fields[] = {
  F_ID,
  F_STR ("code", "code"),
  F_STR ("title", "title"),
  F_TEXT ("description", "description"),
  F_STR ("category", "category"),
  F_INT ("importance", "importance", 1, 5),
  F_ENUM ("level_required", "level-required", levels),
  F_REFS ("requested_by", "requested-by", to_partner),
  F_OBJ ("source", "source", CB_KIND_SKILL_SOURCE),
};

static const CbFieldDef skill_source_fields[] = {
  F_STR ("framework", "framework"),
  F_STR ("uri", "uri"),
  F_STR ("version", "version"),
};

static const CbFieldDef outcome_fields[] = {
  F_ID,
  F_STR ("code", "code"),
  F_STR ("title", "title"),
  F_TEXT ("description", "description"),
  F_LIST ("indicators", "indicators", CB_KIND_INDICATOR),
};

static const CbFieldDef indicator_fields[] = {
  F_ID,
  F_STR ("code", "code"),
  F_TEXT ("text", "text"),
};

static const CbFieldDef course_fields[] = {
  F_ID,
  F_STR ("code", "code"),
  F_STR ("title", "title"),
  F_NUM ("credits", "credits", 0, 1000),
  F_OBJ ("hours", "hours", CB_KIND_HOURS),
  F_INT ("semester", "semester", 1, 20),
  F_ENUM ("category", "category", course_categories),
  F_REFS ("prerequisites", "prerequisites", to_course),
  F_TEXT ("description", "description"),
  F_LIST ("team", "team", CB_KIND_TEAM_MEMBER),
  F_LIST ("objectives", "objectives", CB_KIND_OBJECTIVE),
  F_LIST ("modules", "modules", CB_KIND_MODULE),
  F_LIST ("assessments", "assessments", CB_KIND_ASSESSMENT),
  F_LIST ("offerings", "offerings", CB_KIND_OFFERING),
  F_LIST ("textbooks", "textbooks", CB_KIND_TEXTBOOK),
  F_ENUM ("status", "status", statuses),
};

static const CbFieldDef hours_fields[] = {
  F_NUM ("theory", "theory", 0, 100000),
  F_NUM ("practice", "practice", 0, 100000),
};

static const CbFieldDef team_member_fields[] = {
  F_KEY_REF ("person", "person", to_person),
  F_ENUM ("role", "role", team_roles),
};

static const CbFieldDef textbook_fields[] = {
  F_ID,
  F_STR ("title", "title"),
  F_STR ("authors", "authors"),
  F_STR ("publisher", "publisher"),
  F_INT ("year", "year", 1000, 9999),
  F_STR ("isbn", "isbn"),
};

static const CbFieldDef objective_fields[] = {
  F_ID,
  F_STR ("code", "code"),
  F_TEXT ("text", "text"),
  F_ENUM ("kind", "kind", objective_kinds),
  F_LIST ("supports", "supports", CB_KIND_SUPPORT),
};

static const CbFieldDef support_fields[] = {
  F_KEY_REF ("indicator", "indicator", to_indicator),
  F_ENUM ("strength", "strength", strengths),
  F_NUM ("weight", "weight", 0, 1),
};

static const CbFieldDef module_fields[] = {
  F_ID,
  F_STR ("title", "title"),
  F_TEXT ("summary", "summary"),
  F_OBJ ("hours", "hours", CB_KIND_HOURS),
  F_STRS ("topics", "topics"),
  F_STRS ("methods", "methods"),
  F_REFS ("objectives", "objectives", to_objective),
  F_LIST ("skills", "skills", CB_KIND_MODULE_SKILL),
  F_REFS ("partners", "partners", to_partner),
  F_REFS ("authors", "authors", to_person),
  F_OBJ ("project", "project", CB_KIND_PRACTICAL_PROJECT),
  F_LIST ("resources", "resources", CB_KIND_RESOURCE),
  F_ENUM ("status", "status", statuses),
};

static const CbFieldDef module_skill_fields[] = {
  F_KEY_REF ("skill", "skill", to_skill),
  F_ENUM ("level", "level", levels),
};

static const CbFieldDef practical_project_fields[] = {
  F_STR ("title", "title"),
  F_REF ("partner", "partner", to_partner),
  F_TEXT ("description", "description"),
};

static const CbFieldDef resource_fields[] = {
  F_ID,
  F_ENUM ("kind", "kind", resource_kinds),
  F_STR ("title", "title"),
  F_STR ("citation", "citation"),
  F_STR ("url", "url"),
  F_REF ("partner", "partner", to_partner),
};

static const CbFieldDef assessment_fields[] = {
  F_ID,
  F_STR ("title", "title"),
  F_ENUM ("kind", "kind", assessment_kinds),
  F_NUM ("weight", "weight", 0, 100),
  F_REFS ("assessors", "assessors", to_person),
  F_LIST ("targets", "targets", CB_KIND_TARGET),
};

static const CbFieldDef target_fields[] = {
  F_KEY_REF ("objective", "objective", to_objective),
  F_NUM ("weight", "weight", 0, 100),
};

static const CbFieldDef offering_fields[] = {
  F_ID,
  F_STR ("term", "term"),
  F_INT ("students", "students", 0, 1000000),
  F_LIST ("results", "results", CB_KIND_RESULT),
};

static const CbFieldDef result_fields[] = {
  F_KEY_REF ("assessment", "assessment", to_assessment),
  F_KEY_REF ("objective", "objective", to_objective),
  F_NUM ("max_score", "max-score", 0, 1e9),
  F_NUM ("mean_score", "mean-score", 0, 1e9),
};

static const CbFieldDef review_fields[] = {
  F_ID,
  F_REF ("target", "target", to_any),
  F_REF ("author", "author", to_person),
  F_STR ("created", "created"),
  F_ENUM ("kind", "kind", review_kinds),
  F_TEXT ("text", "text"),
  F_ENUM ("status", "status", review_statuses),
  F_LIST ("replies", "replies", CB_KIND_REPLY),
};

static const CbFieldDef reply_fields[] = {
  F_ID,
  F_REF ("author", "author", to_person),
  F_STR ("created", "created"),
  F_TEXT ("text", "text"),
};

#define KIND(k, name, fields, id, key, title) \
  [k] = { k, name, fields, G_N_ELEMENTS (fields), id, key, title }

static const CbKindDef kinds[CB_N_KINDS] = {
  KIND (CB_KIND_PROJECT, "project", project_fields, 2, -1, 3),
  KIND (CB_KIND_INSTITUTION, "institution", institution_fields, -1, -1, 0),
  KIND (CB_KIND_PROGRAM, "program", program_fields, -1, -1, 0),
  KIND (CB_KIND_PERSON, "person", person_fields, 0, -1, 1),
  KIND (CB_KIND_PARTNER, "partner", partner_fields, 0, -1, 1),
  KIND (CB_KIND_AGREEMENT, "agreement", agreement_fields, -1, -1, -1),
  KIND (CB_KIND_RESPONSIBILITY, "responsibility", responsibility_fields, 0, -1, 2),
  KIND (CB_KIND_SKILL, "skill", skill_fields, 0, -1, 2),
  KIND (CB_KIND_SKILL_SOURCE, "source", skill_source_fields, -1, -1, 0),
  KIND (CB_KIND_OUTCOME, "outcome", outcome_fields, 0, -1, 2),
  KIND (CB_KIND_INDICATOR, "indicator", indicator_fields, 0, -1, 1),
  KIND (CB_KIND_COURSE, "course", course_fields, 0, -1, 2),
  KIND (CB_KIND_HOURS, "hours", hours_fields, -1, -1, -1),
  KIND (CB_KIND_TEAM_MEMBER, "team-member", team_member_fields, -1, 0, -1),
  KIND (CB_KIND_TEXTBOOK, "textbook", textbook_fields, 0, -1, 1),
  KIND (CB_KIND_OBJECTIVE, "objective", objective_fields, 0, -1, 1),
  KIND (CB_KIND_SUPPORT, "support", support_fields, -1, 0, -1),
  KIND (CB_KIND_MODULE, "module", module_fields, 0, -1, 1),
  KIND (CB_KIND_MODULE_SKILL, "module-skill", module_skill_fields, -1, 0, -1),
  KIND (CB_KIND_PRACTICAL_PROJECT, "practical-project", practical_project_fields, -1, -1, 0),
  KIND (CB_KIND_RESOURCE, "resource", resource_fields, 0, -1, 2),
  KIND (CB_KIND_ASSESSMENT, "assessment", assessment_fields, 0, -1, 1),
  KIND (CB_KIND_TARGET, "target", target_fields, -1, 0, -1),
  KIND (CB_KIND_OFFERING, "offering", offering_fields, 0, -1, 1),
  KIND (CB_KIND_RESULT, "result", result_fields, -1, 0, -1),
  KIND (CB_KIND_REVIEW, "review", review_fields, 0, -1, 5),
  KIND (CB_KIND_REPLY, "reply", reply_fields, 0, -1, 3),
};

const CbKindDef *
cb_kind_get_def (CbKind kind)
{
  g_return_val_if_fail (kind < CB_N_KINDS, NULL);
  return &kinds[kind];
}

const char *
cb_kind_get_name (CbKind kind)
{
  g_return_val_if_fail (kind < CB_N_KINDS, NULL);
  return kinds[kind].name;
}

/**
 * cb_kind_get_label:
 *
 * Returns: (transfer none): the kind's name for people, translated.
 */
const char *
cb_kind_get_label (CbKind kind)
{
  switch (kind)
    {
    case CB_KIND_PROJECT: return _("project");
    case CB_KIND_INSTITUTION: return _("institution");
    case CB_KIND_PROGRAM: return _("program");
    case CB_KIND_PERSON: return _("person");
    case CB_KIND_PARTNER: return _("partner");
    case CB_KIND_AGREEMENT: return _("agreement");
    case CB_KIND_RESPONSIBILITY: return _("responsibility");
    case CB_KIND_SKILL: return _("skill");
    case CB_KIND_SKILL_SOURCE: return _("skill source");
    case CB_KIND_OUTCOME: return _("graduation requirement");
    case CB_KIND_INDICATOR: return _("indicator");
    case CB_KIND_COURSE: return _("course");
    case CB_KIND_HOURS: return _("hours");
    case CB_KIND_TEAM_MEMBER: return _("team member");
    case CB_KIND_TEXTBOOK: return _("textbook");
    case CB_KIND_OBJECTIVE: return _("course objective");
    case CB_KIND_SUPPORT: return _("support");
    case CB_KIND_MODULE: return _("module");
    case CB_KIND_MODULE_SKILL: return _("module skill");
    case CB_KIND_PRACTICAL_PROJECT: return _("practical project");
    case CB_KIND_RESOURCE: return _("resource");
    case CB_KIND_ASSESSMENT: return _("assessment");
    case CB_KIND_TARGET: return _("assessment target");
    case CB_KIND_OFFERING: return _("offering");
    case CB_KIND_RESULT: return _("score summary");
    case CB_KIND_REVIEW: return _("review");
    case CB_KIND_REPLY: return _("reply");
    case CB_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cb_kind_has_id (CbKind kind)
{
  g_return_val_if_fail (kind < CB_N_KINDS, FALSE);
  return kinds[kind].id_field >= 0;
}

GType
cb_kind_get_gtype (CbKind kind)
{
  switch (kind)
    {
    case CB_KIND_PROJECT: return CB_TYPE_PROJECT;
    case CB_KIND_INSTITUTION: return cb_institution_get_type ();
    case CB_KIND_PROGRAM: return cb_program_get_type ();
    case CB_KIND_PERSON: return cb_person_get_type ();
    case CB_KIND_PARTNER: return cb_partner_get_type ();
    case CB_KIND_AGREEMENT: return cb_agreement_get_type ();
    case CB_KIND_RESPONSIBILITY: return cb_responsibility_get_type ();
    case CB_KIND_SKILL: return cb_skill_get_type ();
    case CB_KIND_SKILL_SOURCE: return cb_skill_source_get_type ();
    case CB_KIND_OUTCOME: return cb_outcome_get_type ();
    case CB_KIND_INDICATOR: return cb_indicator_get_type ();
    case CB_KIND_COURSE: return cb_course_get_type ();
    case CB_KIND_HOURS: return cb_hours_get_type ();
    case CB_KIND_TEAM_MEMBER: return cb_team_member_get_type ();
    case CB_KIND_TEXTBOOK: return cb_textbook_get_type ();
    case CB_KIND_OBJECTIVE: return cb_objective_get_type ();
    case CB_KIND_SUPPORT: return cb_support_get_type ();
    case CB_KIND_MODULE: return cb_module_get_type ();
    case CB_KIND_MODULE_SKILL: return cb_module_skill_get_type ();
    case CB_KIND_PRACTICAL_PROJECT: return cb_practical_project_get_type ();
    case CB_KIND_RESOURCE: return cb_resource_get_type ();
    case CB_KIND_ASSESSMENT: return cb_assessment_get_type ();
    case CB_KIND_TARGET: return cb_target_get_type ();
    case CB_KIND_OFFERING: return cb_offering_get_type ();
    case CB_KIND_RESULT: return cb_result_get_type ();
    case CB_KIND_REVIEW: return cb_review_get_type ();
    case CB_KIND_REPLY: return cb_reply_get_type ();
    case CB_N_KINDS:
    default:
      g_return_val_if_reached (G_TYPE_INVALID);
    }
}

int
cb_kind_find_field_len (CbKind      kind,
                        const char *name,
                        gsize       len)
{
  const CbKindDef *def;

  g_return_val_if_fail (kind < CB_N_KINDS, -1);
  def = &kinds[kind];
  for (guint i = 0; i < def->n_fields; i++)
    {
      const char *field = def->fields[i].name;

      if (strncmp (field, name, len) == 0 && field[len] == '\0')
        return (int) i;
    }
  return -1;
}

int
cb_kind_find_field (CbKind      kind,
                    const char *name)
{
  g_return_val_if_fail (name != NULL, -1);
  return cb_kind_find_field_len (kind, name, strlen (name));
}

/**
 * cb_id_hash:
 *
 * A string hash for ids, eight bytes at a time: ids are long (a UUID has
 * 36 characters) and hashed on every reference the validator follows.
 */
guint
cb_id_hash (gconstpointer key)
{
  const char *str = key;
  gsize len = strlen (str);
  guint64 h = 0x9E3779B97F4A7C15ull ^ len;

  while (len >= 8)
    {
      guint64 word;

      memcpy (&word, str, 8);
      h = (h ^ word) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      str += 8;
      len -= 8;
    }
  if (len > 0)
    {
      guint64 word = 0;

      memcpy (&word, str, len);
      h = (h ^ word) * 0xFF51AFD7ED558CCDull;
    }
  h ^= h >> 29;
  return (guint) h;
}

gboolean
cb_field_allows_kind (const CbFieldDef *def,
                      CbKind            kind)
{
  g_return_val_if_fail (def != NULL, FALSE);
  if (def->ref_kinds == NULL)
    return FALSE;
  for (const CbKind *k = def->ref_kinds; *k != CB_N_KINDS; k++)
    if (*k == kind)
      return TRUE;
  return FALSE;
}

gboolean
cb_field_enum_is_valid (const CbFieldDef *def,
                        const char       *value)
{
  g_return_val_if_fail (def != NULL, FALSE);
  if (def->values == NULL || value == NULL)
    return FALSE;
  return g_strv_contains (def->values, value);
}
