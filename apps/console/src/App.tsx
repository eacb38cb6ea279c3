import { lazy, Suspense, useEffect, useState } from 'react';
import { Button, Layout, Menu, Result, Space, Spin, Typography } from 'antd';
import { currentSession, onSessionChange, setSession, type Session } from './api/client';
import { can, ROLE_LABEL } from './roles';
import { navigate, usePath } from './router';
import { Login } from './pages/Login';
import { Templates } from './pages/Templates';
import { TemplateForm } from './pages/TemplateForm';
import { Redeem } from './pages/Redeem';
import { Coupons } from './pages/Coupons';
import { WechatMenu } from './pages/WechatMenu';
import { AdminUsers } from './pages/AdminUsers';

const { Header, Sider, Content } = Layout;

// The charts (ECharts) load only with the dashboard: a till's tablet never downloads them.
const Dashboard = lazy(() => import('./pages/Dashboard').then((m) => ({ default: m.Dashboard })));

interface NavItem {
  path: string;
  label: string;
  allowed: (s: Session) => boolean;
}

const NAV: NavItem[] = [
  { path: '/dashboard', label: '数据看板', allowed: (s) => can.viewDashboard(s.role) },
  { path: '/templates', label: '优惠券活动', allowed: (s) => can.viewTemplates(s.role) },
  { path: '/redeem', label: '核销', allowed: (s) => can.redeem(s.role) },
  { path: '/menu', label: '自定义菜单', allowed: (s) => can.publishMenu(s.role) },
  { path: '/users', label: '管理员', allowed: (s) => can.manageUsers(s.role) },
];

function useSession(): Session | null {
  const [s, set] = useState(currentSession);
  useEffect(() => onSessionChange(set), []);
  return s;
}

export function App() {
  const session = useSession();
  const path = usePath();
  // Narrow screens (phones, tablets, 200 % zoom): the navigation folds away behind a real button.
  const [narrow, setNarrow] = useState(false);
  const [navOpen, setNavOpen] = useState(false);
  if (!session) return <Login />;

  const nav = NAV.filter((n) => n.allowed(session));
  const home = nav[0]?.path ?? '/dashboard';
  const active = nav.find((n) => path.startsWith(n.path))?.path;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsed={narrow && !navOpen}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setNavOpen(false);
        }}
        trigger={null}
        theme="light"
        id="main-nav"
        aria-label="主导航"
      >
        <Typography.Title level={4} style={{ padding: '16px 16px 0' }}>
          优惠券后台
        </Typography.Title>
        <Menu
          mode="inline"
          selectedKeys={active ? [active] : []}
          items={nav.map((n) => ({
            key: n.path,
            label: <a href={`/console${n.path}`}>{n.label}</a>,
          }))}
          onClick={({ key, domEvent }) => {
            domEvent.preventDefault();
            setNavOpen(false);
            navigate(key);
          }}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            paddingInline: 16,
          }}
        >
          <span>
            {narrow && (
              <Button
                aria-controls="main-nav"
                aria-expanded={navOpen}
                onClick={() => setNavOpen((o) => !o)}
              >
                {navOpen ? '收起菜单' : '菜单'}
              </Button>
            )}
          </span>
          <Space wrap>
            <span data-testid="whoami">
              {session.username}（{ROLE_LABEL[session.role]}）
            </span>
            <Button onClick={() => setSession(null)}>退出登录</Button>
          </Space>
        </Header>
        <Content style={{ margin: 16 }}>
          <Suspense fallback={<Spin />}>
            <Page path={path === '/' ? home : path} session={session} />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

function Page({ path, session }: { path: string; session: Session }) {
  const role = session.role;
  const templateEdit = /^\/templates\/(\d+)\/edit$/.exec(path);
  const templateCoupons = /^\/templates\/(\d+)\/coupons$/.exec(path);
  if (path === '/dashboard' && can.viewDashboard(role)) return <Dashboard />;
  if (path === '/templates' && can.viewTemplates(role)) return <Templates role={role} />;
  if (path === '/templates/new' && can.editTemplates(role)) return <TemplateForm />;
  if (templateEdit && can.editTemplates(role)) return <TemplateForm id={Number(templateEdit[1])} />;
  if (templateCoupons && can.viewTemplates(role))
    return <Coupons templateId={Number(templateCoupons[1])} />;
  if (path === '/redeem' && can.redeem(role)) return <Redeem />;
  if (path === '/menu' && can.publishMenu(role)) return <WechatMenu />;
  if (path === '/users' && can.manageUsers(role)) return <AdminUsers />;
  if (path === '/' || path === '/login') {
    const first = NAV.find((n) => n.allowed(session));
    if (first) navigate(first.path);
    return null;
  }
  return <Result status="404" title="页面不存在或无权访问" />;
}
