// A Conversation Builder API-integration interaction, as LivePerson documents it, run in node:
// 1. the pre-process code; 2. the integration call: the body's {$botContext.x} placeholders filled from bot variables
//    (left as they are when unset), POST with the headers, a status other than 200 or 201 (or no answer within the
//    timeout) is a failure; on success the response is kept in the bot variable api_<name> as
//    { jsonData: '{"api_<name>": <response>}' } and the Transform Result Script runs; 3. the post-process code.
// What LivePerson's pages leave open is a scenario switch: whether the transform runs after a failed call
// (transformOnFailure), whether an integration counts any HTTP answer as success and keeps its body
// (anyStatusSucceeds), and whether the response arrives unwrapped (unwrapped).
// botContext implements the documented functions the scripts use. Reads a scenario as JSON on stdin, prints
// { messages, variables, status, succeeded } as JSON on stdout.
'use strict';
const vm = require('node:vm');

async function main() {
  const scenario = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const variables = Object.assign({}, scenario.variables || {});
  const messages = [];
  const debug = [];
  let succeeded = false;
  let statusCode = '';
  const conversation = scenario.conversation;
  const botContext = {
    getConversationId: () => conversation.conversationId ?? null,
    getUserPlatformId: () => conversation.userPlatformId ?? null,
    getChatBotId: () => conversation.chatBotId ?? null,
    getDialogStarterIntent: () => conversation.intent ?? null,
    // Deprecated (still supported): lp_web, lp_sms, ..., and web on the Conversation Builder preview.
    getChannel: () => conversation.channel ?? null,
    // Its replacement: the messaging channels only; the preview has none of its values.
    getUserChannel: () => (conversation.channel === 'web' ? null : conversation.channel ?? null),
    setBotVariable: (name, value, persistForSession, persistForever) => {
      if (typeof persistForSession !== 'boolean' || typeof persistForever !== 'boolean') {
        throw new TypeError('setBotVariable(name, value, persistForSession, persistForever) takes two booleans');
      }
      variables[name] = value === null || value === undefined ? null : value;
    },
    getBotVariable: (name) => (Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : null),
    sendMessage: (message) => {
      if (typeof message !== 'string' || message.length === 0) {
        throw new TypeError('sendMessage takes a non-empty string, not ' + JSON.stringify(message));
      }
      messages.push(message);
    },
    isApiExecutionSuccessful: () => succeeded,
    getApiStatusCode: () => statusCode,
    printDebugMessage: (message) => debug.push(String(message)),
  };

  const run = (code, what) => vm.runInNewContext(code, { botContext, JSON }, { filename: what, timeout: 2000 });

  run(scenario.preProcess, 'pre-process');
  const body = scenario.body
    .replace(/\{\$botContext\.([A-Za-z0-9_]+)\}/g, (placeholder, name) => {
      const value = botContext.getBotVariable(name);
      return value === null ? placeholder : String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    })
    .replace(/\{\$chatBotId\}/g, conversation.chatBotId ?? '{$chatBotId}');

  let response = null;
  try {
    const answer = await fetch(scenario.url, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, scenario.headers || {}),
      body,
      signal: AbortSignal.timeout(scenario.timeoutMs || 20000),
    });
    statusCode = String(answer.status);
    const text = await answer.text();
    if (answer.status === 200 || answer.status === 201 || scenario.anyStatusSucceeds) {
      try {
        response = text.length > 0 ? JSON.parse(text) : {};
      } catch (e) {
        response = text; // kept as the integration got it: the transform must cope
      }
    }
  } catch (e) {
    statusCode = '';
  }

  const key = 'api_' + scenario.name;
  if (response !== null) {
    variables[key] = { jsonData: scenario.unwrapped ? (typeof response === 'string' ? response : JSON.stringify(response)) : JSON.stringify({ [key]: response }) };
    run(scenario.transform, 'transform-result');
    succeeded = true;
  } else if (scenario.transformOnFailure) {
    // The docs do not say whether the Transform Result Script runs after a failed call: the scripts must cope.
    run(scenario.transform, 'transform-result');
  }

  run(scenario.postProcess, 'post-process');
  const kept = {};
  for (const [name, value] of Object.entries(variables)) {
    if (typeof value === 'string' || value === null) kept[name] = value;
  }

  process.stdout.write(JSON.stringify({ messages, debug, variables: kept, status: statusCode, succeeded }));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e));
  process.exit(3);
});
