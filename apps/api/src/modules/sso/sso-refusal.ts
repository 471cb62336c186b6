import * as oidc from 'openid-client';

/** Why a single sign-on was refused: the Chinese message the person reads, the English reason logged and audited. */
export class SsoRefusal extends Error {
  constructor(
    readonly reason: string,
    readonly userMessage: string,
  ) {
    super(reason);
  }
}

export const refuse = (reason: string, userMessage: string) => new SsoRefusal(reason, userMessage);

const RETRY = '请返回登录页重新登录';

/**
 * openid-client's validation failures, each in the words of the check that failed. Anything else is
 * the provider being unreachable or answering out of contract.
 */
export function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error;
  const e = error as { code?: string; message?: string; cause?: { claim?: string; error?: string } };
  const message = String(e?.message ?? error);
  const detail = `${e?.code ?? 'ERROR'}: ${message}`;
  if (error instanceof oidc.AuthorizationResponseError)
    return refuse(
      `provider refused: ${detail}`,
      `统一身份认证平台拒绝了登录（${(error as { error?: string }).error ?? '未知原因'}），${RETRY}`,
    );
  if (error instanceof oidc.ResponseBodyError) {
    // invalid_grant: the code was used already, expired, or issued to another client / verifier.
    return refuse(`token request refused: ${detail}`, `登录凭证无效或已被使用，${RETRY}`);
  }
  if (e?.code === 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' || e?.code === 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED') {
    const claim = e.cause?.claim ?? /"(\w+)"/.exec(message)?.[1] ?? '';
    if (claim === 'iss' || /issuer/i.test(message))
      return refuse(`wrong issuer: ${detail}`, `身份令牌的签发方与本机构配置的统一身份认证平台不符，已拒绝登录`);
    if (claim === 'aud' || claim === 'azp')
      return refuse(`wrong audience: ${detail}`, `身份令牌不是签发给本系统的，已拒绝登录`);
    if (claim === 'nonce')
      return refuse(`nonce mismatch: ${detail}`, `身份令牌与本次登录不匹配（nonce），可能是重放攻击，已拒绝登录`);
    return refuse(`claim mismatch: ${detail}`, `身份令牌校验未通过，已拒绝登录`);
  }
  if (e?.code === 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED' || /\b(exp|iat)\b.*(timestamp|check)/.test(message)) {
    return refuse(`expired token: ${detail}`, `身份令牌已过期，${RETRY}`);
  }
  if (
    e?.code === 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED' ||
    e?.code === 'OAUTH_KEY_SELECTION_FAILED' ||
    /signature|verification key/i.test(message)
  ) {
    return refuse(`bad signature: ${detail}`, `身份令牌签名无效，已拒绝登录`);
  }
  if (e?.code === 'OAUTH_INVALID_RESPONSE' && /state/i.test(message))
    return refuse(`state mismatch: ${detail}`, `登录请求已失效或不匹配，${RETRY}`);
  return refuse(
    `provider error: ${detail}`,
    `无法完成统一身份认证：身份认证平台无法访问或应答不符合规范，请稍后再试或联系管理员`,
  );
}
