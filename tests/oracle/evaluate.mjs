// Test-time oracle (never shipped): @cloud-copilot/iam-simulate (AGPL-3.0), an IAM policy evaluator this project did not
// write, answers the cases the differential tests generate. Standard input: one JSON case a line
//   {"id": 7, "policy": {...trust policy...}, "action": "sts:TagSession", "account": "111122223333",
//    "role": "arn:aws:iam::111122223333:role/R", "context": {"aws:SourceArn": "...", "aws:TagKeys": ["..."]}}
// Standard output: one line a case, {"id": 7, "result": "Allowed" | "ExplicitlyDenied" | "ImplicitlyDenied" | "error", "detail": "..."}.
import { createInterface } from 'node:readline'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  if (line.trim() === '') continue
  const c = JSON.parse(line)
  let out
  try {
    const response = await runSimulation({
      identityPolicies: [],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy: c.policy,
      request: {
        action: c.action,
        principal: 'rolesanywhere.amazonaws.com',
        resource: { accountId: c.account, resource: c.role },
        contextVariables: c.context
      }
    }, {})
    out = response.resultType === 'error'
      ? { id: c.id, result: 'error', detail: JSON.stringify(response.errors).slice(0, 400) }
      : { id: c.id, result: response.overallResult }
  } catch (e) {
    out = { id: c.id, result: 'error', detail: String(e).slice(0, 400) }
  }
  process.stdout.write(JSON.stringify(out) + '\n')
}
