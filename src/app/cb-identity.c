/* cb-identity.c: the user as a person of the project
 *
 * Copyright 2026 The Coursebridge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reviews and new modules are signed by the user named in the
 * preferences. That person is found in the project by name, or added to
 * it (with the role and, where a partner has that name, the organization
 * from the preferences), so that an enterprise mentor who opens a
 * teacher's file appears under their own name and company.
 */

#define G_LOG_DOMAIN "cb-identity"

#include "config.h"

#include <gio/gio.h>

#include "cb-identity.h"

static CbEntity *
find_by_name (CbProject  *project,
              const char *list,
              const char *name)
{
  GListModel *model = cb_project_get_list (project, list);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      CbEntity *entity = cb_entity_get_child (CB_ENTITY (project), list, i);

      if (g_strcmp0 (cb_entity_get_string (entity, "name"), name) == 0)
        return entity;
    }
  return NULL;
}

/**
 * cb_identity_ensure_person:
 * @project: a project
 *
 * Finds the user's person record, adding it when the project has none
 * (a recorded edit; call it inside the undo group of the edit it serves).
 *
 * Returns: (transfer none) (nullable): the person's id, or %NULL when the
 * user has not said who they are
 */
const char *
cb_identity_ensure_person (CbProject *project)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_APP_ID);
  g_autofree char *name = g_settings_get_string (settings, "identity-name");
  g_autofree char *role = g_settings_get_string (settings, "identity-role");
  g_autofree char *organization = g_settings_get_string (settings, "identity-organization");
  g_autoptr (CbEntity) person = NULL;
  CbEntity *existing;
  CbEntity *partner;

  g_return_val_if_fail (CB_IS_PROJECT (project), NULL);

  g_strstrip (name);
  if (*name == '\0' || cb_project_get_read_only (project))
    return NULL;
  existing = find_by_name (project, "people", name);
  if (existing != NULL)
    return cb_entity_get_id (existing);

  person = cb_entity_new_with_id (CB_KIND_PERSON);
  cb_entity_set_string (person, "name", name);
  cb_entity_set_string (person, "role", role);
  partner = *organization != '\0' ? find_by_name (project, "partners", organization) : NULL;
  if (partner != NULL)
    cb_entity_set_string (person, "organization", cb_entity_get_id (partner));
  cb_entity_append_child (CB_ENTITY (project), "people", person);
  return cb_entity_get_id (person);
}
