import { z } from 'zod';
import { AgentSelfRead, LoginResponse, type Agent } from '../../shared';

export { AgentSelfRead };

export const LoginResponseRead = LoginResponse.extend({
  token: z.string().min(1).max(500),
  agent: AgentSelfRead,
});

export const parseLoginResponse = (body: unknown): LoginResponse => LoginResponseRead.parse(body);
export const parseAgentSelf = (body: unknown): Agent => AgentSelfRead.parse(body);
