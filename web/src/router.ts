/**
 * Routes, with the URLs of the server-rendered pages so a first visit and the app agree. Home
 * is in the main bundle; every other view loads when first visited (and is precached).
 */
import { nextTick } from 'vue'
import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import HomeView from './catalog/HomeView.vue'

const ProcedureListView = () => import('./catalog/ProcedureListView.vue')
const listProps = (kind: 'field' | 'agencyKind' | 'level') => (route: RouteLocationNormalized) => ({
  kind,
  id: String(route.params.id),
})

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/tim-kiem', name: 'search', component: () => import('./catalog/SearchView.vue') },
    { path: '/linh-vuc/:id', component: ProcedureListView, props: listProps('field') },
    { path: '/co-quan/:id', component: ProcedureListView, props: listProps('agencyKind') },
    { path: '/cap/:id', component: ProcedureListView, props: listProps('level') },
    { path: '/thu-tuc/:code', component: () => import('./catalog/ProcedureView.vue'), props: true },
    { path: '/ho-so', component: () => import('./drafts/views.ts').then((m) => m.draftListView()) },
    { path: '/ho-so/da-nop', component: () => import('./dossiers/views.ts').then((m) => m.submittedListView()) },
    { path: '/ho-so/da-nop/:id', component: () => import('./dossiers/views.ts').then((m) => m.receiptView()), props: true },
    { path: '/ho-so/da-nop/:id/bo-sung', component: () => import('./dossiers/views.ts').then((m) => m.supplementView()), props: true },
    { path: '/ho-so/:id/:step?', component: () => import('./drafts/views.ts').then((m) => m.draftView()), props: true },
    { path: '/tra-cuu', component: () => import('./lookup/views.ts').then((m) => m.lookupView()) },
    { path: '/thong-ke', component: () => import('./statistics/views.ts').then((m) => m.statisticsView()) },
    { path: '/tai-khoan', component: () => import('./account/views.ts').then((m) => m.accountView()) },
    { path: '/thong-bao', component: () => import('./notices/views.ts').then((m) => m.inboxView()) },
    { path: '/quan-tri', component: () => import('./account/views.ts').then((m) => m.adminView()) },
    { path: '/quan-tri/ngay-nghi', component: () => import('./admin/views.ts').then((m) => m.holidaysView()) },
    { path: '/quan-tri/co-quan', component: () => import('./admin/views.ts').then((m) => m.directoryView()) },
    { path: '/can-bo', component: () => import('./officer/views.ts').then((m) => m.queueView()) },
    { path: '/can-bo/ho-so/:id', component: () => import('./officer/views.ts').then((m) => m.dossierView()), props: true },
    { path: '/:unknown(.*)*', component: () => import('./ui/NotFoundView.vue') },
  ],
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

// After a change of page (not a change of query, as live search makes), screen-reader and
// keyboard users start from the new content rather than from the link they followed.
router.afterEach(async (to, from, failure) => {
  if (failure || !from.matched.length || to.path === from.path) return
  await nextTick()
  document.getElementById('main')?.focus({ preventScroll: true })
})
