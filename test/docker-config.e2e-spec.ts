import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The shipped docker/ files, checked without a Docker engine: compose interpolation and schema
 * (`docker-compose config`), nginx syntax with real TLS files (`nginx -t`), and the Dockerfile's
 * promises. .ci/run installs docker-compose and nginx from Debian when missing.
 */
const DOCKER = join(__dirname, '..', 'docker');
const SECRETS = [
  'MYSQL_PASSWORD',
  'MYSQL_ROOT_PASSWORD',
  'MONGO_ROOT_PASSWORD',
  'WECHAT_APP_ID',
  'WECHAT_APP_SECRET',
  'WECHAT_TOKEN',
  'JWT_SECRET',
  'FISSION_TOKEN_SECRET',
  'ADMIN_BOOTSTRAP_PASSWORD',
  'PII_ENCRYPTION_KEY',
  'GRAFANA_ADMIN_PASSWORD',
  'NGINX_SERVER_NAME',
  'TLS_CERT_DIR',
];

describe('docker/ files (e2e, no Docker engine needed)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wxc-docker-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function composeConfig(values: Record<string, string>) {
    const envFile = join(dir, 'compose.env');
    writeFileSync(
      envFile,
      Object.entries(values)
        .map(([k, v]) => `${k}=${v}`)
        .join('\n'),
    );
    const r = spawnSync(
      'docker-compose',
      ['--env-file', envFile, '-f', join(DOCKER, 'docker-compose.yml'), 'config'],
      { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH } },
    );
    if (r.error) throw r.error; // docker-compose missing: .ci/run installs it
    return { status: r.status, out: r.stdout, err: r.stderr };
  }
  const all: Record<string, string> = {
    ...Object.fromEntries(SECRETS.map((k) => [k, `value-of-${k.toLowerCase()}`])),
    TLS_CERT_DIR: './certs', // a path, else compose reads it as a named volume
  };

  it('validates with every secret set, and refuses to render while any one is unset', () => {
    const ok = composeConfig(all);
    expect(ok.err).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.out).not.toMatch(/change-me|wxpass/);
    expect(ok.out).toContain('127.0.0.1:3001:3000'); // Grafana on loopback only
    expect(ok.out).toContain('replicaSet=rs0');
    expect(ok.out).toMatch(/--keyFile/);
    for (const missing of [
      'JWT_SECRET',
      'FISSION_TOKEN_SECRET',
      'PII_ENCRYPTION_KEY',
      'GRAFANA_ADMIN_PASSWORD',
    ]) {
      const r = composeConfig({ ...all, [missing]: '' });
      expect(r.status).not.toBe(0);
      expect(r.err).toContain(`set ${missing}`);
    }
    const compose = readFileSync(join(DOCKER, 'docker-compose.yml'), 'utf8');
    for (const name of SECRETS) expect(compose).toContain(`\${${name}:?`);
    expect(compose).not.toMatch(/PASSWORD:-|SECRET:-|KEY:-0/);
  });

  it('ships an nginx config that passes nginx -t: TLS server, HTTP redirect, re-resolved app', () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'privkey.pem'),
        '-out',
        join(dir, 'fullchain.pem'),
      ],
      { stdio: 'pipe' },
    );
    // What the nginx image's envsubst step does with docker-compose's settings.
    const settings: Record<string, string> = {
      NGINX_SERVER_NAME: 'coupon.example.com',
      TLS_CERT_FILE: join(dir, 'fullchain.pem'),
      TLS_KEY_FILE: join(dir, 'privkey.pem'),
    };
    const template = readFileSync(join(DOCKER, 'nginx.conf.template'), 'utf8');
    const rendered = template.replace(/\$\{(\w+)\}/g, (m, k: string) => settings[k] ?? m);
    expect(rendered).not.toMatch(/\$\{/);
    expect(rendered).toMatch(/return 301 https:\/\/\$host\$request_uri/);
    expect(rendered).toMatch(/listen 443 ssl/);
    expect(rendered).toMatch(/resolver 127\.0\.0\.11/);
    expect(rendered).toMatch(/proxy_pass \$app_upstream;/);
    writeFileSync(join(dir, 'default.conf'), rendered);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp { include ${dir}/default.conf; }\n`,
    );
    const nginx = ['/usr/sbin/nginx', 'nginx'].find((bin) => !spawnSync(bin, ['-v']).error);
    expect(nginx).toBeDefined(); // .ci/run installs nginx-light
    const r = spawnSync(nginx!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], {
      encoding: 'utf8',
    });
    expect(r.stderr).toContain('test is successful');
    expect(r.status).toBe(0);
  });

  it('builds a slim runtime on Node 24 whose healthcheck follows PORT', () => {
    const dockerfile = readFileSync(join(DOCKER, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/ARG NODE_IMAGE=node:24\./);
    expect(dockerfile).toMatch(/AS prod-deps[\s\S]*npm ci --omit=dev/);
    expect(dockerfile).toMatch(/COPY --from=prod-deps \/app\/node_modules/);
    expect(dockerfile).not.toMatch(/COPY --from=builder \/app\/node_modules/);
    expect(dockerfile).toMatch(/HEALTHCHECK[\s\S]*process\.env\.PORT/);
    const prom = readFileSync(join(DOCKER, 'prometheus.yml'), 'utf8');
    expect(prom).toMatch(/dns_sd_configs:[\s\S]*names: \['app'\]/);
  });
});
