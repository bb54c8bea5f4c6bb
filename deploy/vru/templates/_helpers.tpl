{{/* Labels of every object of the release. */}}
{{- define "vru.labels" -}}
app.kubernetes.io/part-of: vru
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end }}

{{- define "vru.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end }}

{{- define "vru.dbHost" -}}
{{ .Values.postgres.host | default (printf "%s-rw" .Values.postgres.cluster.name) }}
{{- end }}

{{- define "vru.superuserSecret" -}}
{{ .Values.postgres.superuserSecret | default (printf "%s-superuser" .Values.postgres.cluster.name) }}
{{- end }}

{{/* A role's database URL; its password is the container's VRU_DB_PASSWORD (Kubernetes expands $(…)). */}}
{{- define "vru.databaseUrl" -}}
postgresql+asyncpg://{{ .role }}:$(VRU_DB_PASSWORD_{{ upper .role }})@{{ include "vru.dbHost" .root }}:5432/{{ .root.Values.postgres.database }}
{{- end }}

{{/* An env entry from a key of the platform's Secret. */}}
{{- define "vru.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.secrets.name }}
      key: {{ .key }}
{{- end }}

{{/* The pod- and container-level hardening every pod shares: non-root, no privilege, read-only root. */}}
{{- define "vru.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "vru.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
{{- end }}

{{/* Every role with a schema of its own (vru_cli.deploy.DATABASE_ROLES): the services' keys in order. */}}
{{- define "vru.databaseRoles" -}}
{{ keys .Values.services | sortAlpha | join " " }}
{{- end }}

{{/* Refuse development values: every service refuses them outside development, so refuse them at install. */}}
{{- define "vru.refuseDevelopmentValue" -}}
{{- if or (hasPrefix "dev-" (toString .value)) (contains "\"dev-" (toString .value)) -}}
{{- fail (printf "%s: a development value (dev-…) cannot be deployed; generate a secret (docs/kubernetes.md)" .name) -}}
{{- end -}}
{{- end }}
