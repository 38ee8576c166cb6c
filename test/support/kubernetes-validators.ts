/**
 * Schema validation of rendered Kubernetes objects with the `kubernetes-models` validators (the
 * Kubernetes OpenAPI schemas compiled to ajv) and, for the Prometheus Operator's ServiceMonitor and
 * PrometheusRule, the validators generated from its CRD schemas. A kind without a validator here is
 * an error, so a new kind in the manifests cannot go unvalidated.
 */
import { PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import type { RenderedObject } from './deploy-tools';

type Validating = new (data: any) => { validate(): void };

const models: Record<string, Validating> = {
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

/** The schema errors of one object ([] when valid); an unknown apiVersion/kind is an error too. */
export function validateKubernetesObject(object: RenderedObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const Model = models[key];
  if (Model === undefined) return [`${key} ${object.metadata?.name}: no schema validator for this kind`];
  try {
    new Model(object).validate();
    return [];
  } catch (e) {
    return [`${key} ${object.metadata.name}: ${(e as Error).message}`];
  }
}
