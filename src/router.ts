import { createRouter, createWebHashHistory } from 'vue-router'
import OverviewView from './views/OverviewView.vue'

// Hash routes: `npm run build` gives static files that any intranet web server can host.
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'overview', component: OverviewView },
    { path: '/indicator/:id', name: 'indicator', component: () => import('./views/IndicatorView.vue') },
    { path: '/spending', name: 'spending', component: () => import('./views/SpendingView.vue') },
    { path: '/data', name: 'data', component: () => import('./views/DataView.vue'), meta: { scores: false } },
    { path: '/entry', name: 'entry', component: () => import('./views/EntryView.vue'), meta: { scores: false } },
    { path: '/assessment', name: 'assessment', component: () => import('./views/AssessmentView.vue') },
    { path: '/assessment/project/:code', name: 'assessment-project', component: () => import('./views/SelfAssessmentView.vue') },
    { path: '/assessment/monitoring', name: 'assessment-monitoring', component: () => import('./views/MonitoringFormView.vue') },
    { path: '/assessment/audit', name: 'assessment-audit', component: () => import('./views/AuditView.vue') },
    { path: '/screen/bureau', name: 'screen-bureau', component: () => import('./views/BureauScreenView.vue'), meta: { bare: true, scores: false } },
    { path: '/screen', name: 'screen', component: () => import('./views/ScreenView.vue'), meta: { bare: true } },
    { path: '/report', name: 'report', component: () => import('./views/ReportView.vue') },
    { path: '/bureau', name: 'bureau', component: () => import('./views/BureauView.vue'), meta: { scores: false } },
    { path: '/links', name: 'links', component: () => import('./views/LinksView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { scores: false } },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
